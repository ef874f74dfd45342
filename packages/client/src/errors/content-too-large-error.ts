import { ApiError } from "./api-error.ts";

/** The request body is over the API's limit (413). */
export class ContentTooLargeError extends ApiError {}
