import { ApiError } from "./api-error.ts";
import { nameErrorClass } from "./lucca-error.ts";

/** The access token is missing, invalid or expired (401). */
export class AuthenticationError extends ApiError {}

nameErrorClass(AuthenticationError, "AuthenticationError");
