import { ApiError, type ApiErrorInit } from "./api-error.ts";
import { nameErrorClass } from "./lucca-error.ts";

/**
 * Too many requests (429). `retryAfter` is how long the server asked to wait, in
 * milliseconds (from `Retry-After`, seconds or an HTTP date), when it said so.
 */
export class RateLimitError extends ApiError {
  declare readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit & { retryAfter: number | undefined }) {
    super(init);
    Object.assign(this, { retryAfter: init.retryAfter });
  }
}

nameErrorClass(RateLimitError, "RateLimitError");
