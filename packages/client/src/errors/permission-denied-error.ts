import { ApiError } from "./api-error.ts";
import { nameErrorClass } from "./lucca-error.ts";

/** The access token lacks a scope or a right the operation needs (403). */
export class PermissionDeniedError extends ApiError {}

nameErrorClass(PermissionDeniedError, "PermissionDeniedError");
