/**
 * Type guards for the error hierarchy. They test a brand each class carries on its prototype rather than
 * `instanceof`, so they also recognise errors thrown by another copy of this package.
 */
import type { AbortError } from "./abort-error.ts";
import type { ApiError } from "./api-error.ts";
import type { AuthenticationError } from "./authentication-error.ts";
import type { BadRequestError } from "./bad-request-error.ts";
import type { ConnectionError } from "./connection-error.ts";
import type { ContentTooLargeError } from "./content-too-large-error.ts";
import type { InvalidInputError } from "./invalid-input-error.ts";
import type { InvalidResponseError } from "./invalid-response-error.ts";
import { hasBrand, type LuccaError } from "./lucca-error.ts";
import type { NotFoundError } from "./not-found-error.ts";
import type { PermissionDeniedError } from "./permission-denied-error.ts";
import type { PreconditionFailedError } from "./precondition-failed-error.ts";
import type { RateLimitError } from "./rate-limit-error.ts";
import type { ServerError } from "./server-error.ts";
import type { TimeoutError } from "./timeout-error.ts";
import type { TokenError } from "./token-error.ts";

function named<T extends LuccaError>(name: string) {
  return (value: unknown): value is T => hasBrand(value, name);
}

export const isLuccaError = named<LuccaError>("LuccaError");
/** Any API error status, whatever its subclass. */
export const isApiError = named<ApiError>("ApiError");
export const isBadRequestError = named<BadRequestError>("BadRequestError");
export const isAuthenticationError = named<AuthenticationError>("AuthenticationError");
export const isPermissionDeniedError = named<PermissionDeniedError>("PermissionDeniedError");
export const isNotFoundError = named<NotFoundError>("NotFoundError");
export const isPreconditionFailedError = named<PreconditionFailedError>("PreconditionFailedError");
export const isContentTooLargeError = named<ContentTooLargeError>("ContentTooLargeError");
export const isRateLimitError = named<RateLimitError>("RateLimitError");
export const isServerError = named<ServerError>("ServerError");
export const isTokenError = named<TokenError>("TokenError");
/** A `TimeoutError` is a `ConnectionError` too. */
export const isConnectionError = named<ConnectionError>("ConnectionError");
export const isTimeoutError = named<TimeoutError>("TimeoutError");
export const isAbortError = named<AbortError>("AbortError");
export const isInvalidInputError = named<InvalidInputError>("InvalidInputError");
export const isInvalidResponseError = named<InvalidResponseError>("InvalidResponseError");
