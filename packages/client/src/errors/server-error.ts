import { ApiError } from "./api-error.ts";
import { nameErrorClass } from "./lucca-error.ts";

/** The server failed (5xx); retrying later may help. */
export class ServerError extends ApiError {}

nameErrorClass(ServerError, "ServerError");
