import * as httpStatus from "./http-status.ts";

/** How failed attempts are retried. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  maxRetries?: number | undefined;
  /** The first backoff delay in ms; it doubles at each retry (default 500). */
  baseDelay?: number | undefined;
  /** The longest backoff delay in ms (default 8 000). */
  maxDelay?: number | undefined;
  /**
   * The longest `Retry-After` the client waits for, in ms (default 60 000). A longer one
   * is not waited for: the error is thrown with its `retryAfter`.
   */
  maxRetryAfter?: number | undefined;
}

/** The options with every default filled in. */
export type RetryPolicy = { [Option in keyof RetryOptions]-?: Exclude<RetryOptions[Option], undefined> };

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 2, baseDelay: 500, maxDelay: 8_000, maxRetryAfter: 60_000 };

/**
 * Exponential backoff with "equal jitter": half of the delay is fixed, half random, so
 * that clients failing together do not come back together.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelay, policy.baseDelay * 2 ** (retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Statuses after which the same request may succeed: the server timed out (408), asked
 * to slow down (429), or a gateway or the service was briefly unavailable (502-504).
 * A 500 is not among them: the request may have had an effect.
 */
export const retryableStatuses: ReadonlySet<number> = new Set([
  httpStatus.requestTimeout,
  httpStatus.tooManyRequests,
  httpStatus.badGateway,
  httpStatus.serviceUnavailable,
  httpStatus.gatewayTimeout,
]);
