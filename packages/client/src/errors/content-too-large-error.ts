import { ApiError } from "./api-error.ts";
import { nameErrorClass } from "./lucca-error.ts";

/** The request body is over the API's limit (413). */
export class ContentTooLargeError extends ApiError {}

nameErrorClass(ContentTooLargeError, "ContentTooLargeError");
