/**
 * Per-client rate limit: a fixed one-minute window per client id, the simplest scheme
 * that gives an honest `Retry-After` (the seconds left in the window).
 */
import { responseHeaders } from "@lucca-api/types";
import { Problem } from "./problem.ts";

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(readonly perMinute: number) {}

  /** Counts one request of `clientId`, or throws 429 when the window is full. */
  take(clientId: string, now = Date.now()): void {
    let window = this.#windows.get(clientId);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 };
      this.#windows.set(clientId, window);
    }
    if (window.count >= this.perMinute) {
      const retryAfter = Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000));
      throw new Problem(429, {
        detail: `Over ${this.perMinute} requests a minute for client ${clientId}. Retry after ${retryAfter} seconds.`,
        headers: { [responseHeaders.retryAfter]: String(retryAfter) },
      });
    }
    window.count += 1;
  }
}
