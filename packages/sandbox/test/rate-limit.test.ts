import { responseHeaders } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import { isProblem } from "../src/problem.ts";
import { RateLimiter } from "../src/rate-limit.ts";

describe("RateLimiter: perMinute requests per client id in a fixed one-minute window", () => {
  it("refuses the request over the limit with 429 and the seconds left as Retry-After, and lets the client in again when the window ends", () => {
    const limiter = new RateLimiter(2);
    limiter.take("demo", 0);
    limiter.take("demo", 1_000);
    let refusal: unknown;
    try {
      limiter.take("demo", 15_200);
    } catch (error) {
      refusal = error;
    }
    expect(isProblem(refusal) && refusal.status).toBe(429);
    expect(isProblem(refusal) && refusal.headers[responseHeaders.retryAfter]).toBe("45");
    limiter.take("other", 15_200);
    expect(() => limiter.take("demo", 60_000)).not.toThrow();
  });

  it("forgets the clients of past windows, so many client ids cannot grow its memory without bound", () => {
    const limiter = new RateLimiter(50);
    for (let minute = 0; minute < 5; minute++) for (let i = 0; i < 2_000; i++) limiter.take(`client-${minute}-${i}`, minute * 60_000);
    expect(limiter.size).toBeLessThanOrEqual(2 * 2_000);
  });
});
