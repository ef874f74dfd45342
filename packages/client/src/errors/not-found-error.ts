import { ApiError } from "./api-error.ts";
import { nameErrorClass } from "./lucca-error.ts";

/** No file has this id, or its access token does not match it (404). */
export class NotFoundError extends ApiError {}

nameErrorClass(NotFoundError, "NotFoundError");
