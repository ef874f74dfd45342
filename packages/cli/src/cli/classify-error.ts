import {
  isAbortError,
  isApiError,
  isAuthenticationError,
  isConnectionError,
  isInvalidInputError,
  isInvalidResponseError,
  isPermissionDeniedError,
  isServerError,
  isTokenError,
} from "@lucca-api/client";
import { exitCodes, type ExitCode } from "./exit-codes.ts";
import { UsageError } from "./usage-error.ts";

/** The exit code of a failure, by its class (see `exit-codes.ts`). */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError || isInvalidInputError(error)) return exitCodes.usage;
  if (isAbortError(error)) return exitCodes.cancelled;
  if (isTokenError(error) || isAuthenticationError(error) || isPermissionDeniedError(error)) return exitCodes.auth;
  if (isServerError(error) || isInvalidResponseError(error)) return exitCodes.server;
  if (isApiError(error)) return exitCodes.refused;
  if (isConnectionError(error)) return exitCodes.network;
  return exitCodes.unexpected;
}
