import { ApiError } from "./api-error.ts";
import { nameErrorClass } from "./lucca-error.ts";

/** The request was refused as invalid (400). */
export class BadRequestError extends ApiError {}

nameErrorClass(BadRequestError, "BadRequestError");
