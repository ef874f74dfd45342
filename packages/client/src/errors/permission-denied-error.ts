import { ApiError } from "./api-error.ts";

/** The access token lacks a scope or a right the operation needs (403). */
export class PermissionDeniedError extends ApiError {}
