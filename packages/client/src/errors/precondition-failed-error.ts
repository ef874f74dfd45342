import { ApiError } from "./api-error.ts";
import { nameErrorClass } from "./lucca-error.ts";

/** An `If-Match` ETag no longer matches the file (412). */
export class PreconditionFailedError extends ApiError {}

nameErrorClass(PreconditionFailedError, "PreconditionFailedError");
