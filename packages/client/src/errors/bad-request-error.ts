import { ApiError } from "./api-error.ts";

/** The request was refused as invalid (400). */
export class BadRequestError extends ApiError {}
