/** Per-client rate limit of the API's requests: a fixed one-minute window per client id. */
import { responseHeaders } from "@lucca-api/types";
import { FixedWindowCounter } from "./fixed-window.ts";
import { Problem } from "./problem.ts";

export class RateLimiter {
  readonly #requests = new FixedWindowCounter();

  constructor(readonly perMinute: number) {}

  /** How many client ids have a window in memory. */
  get size(): number {
    return this.#requests.size;
  }

  /** Counts one request of `clientId`, or throws 429 when its window is full. */
  take(clientId: string, now = Date.now()): void {
    if (this.#requests.count(clientId, now) >= this.perMinute) {
      const retryAfter = this.#requests.secondsLeft(clientId, now);
      throw new Problem(429, {
        detail: `Over ${this.perMinute} requests a minute for client ${clientId}. Retry after ${retryAfter} seconds.`,
        headers: { [responseHeaders.retryAfter]: String(retryAfter) },
      });
    }
    this.#requests.add(clientId, now);
  }
}
