import { describe, expect, it } from "vitest";
import { backoffDelay, defaultRetryPolicy, retryableStatuses } from "../src/core/backoff.ts";
import { parseRetryAfter } from "../src/core/retry-after.ts";

describe("parseRetryAfter reads seconds or an HTTP date", () => {
  const now = Date.parse("2026-11-27T12:00:00Z");
  it.each([
    ["seconds become milliseconds", "30", 30_000],
    ["an HTTP date becomes the time left until it", "Fri, 27 Nov 2026 12:00:10 GMT", 10_000],
    ["a date in the past means no wait", "Fri, 27 Nov 2026 11:00:00 GMT", 0],
    ["garbage is ignored", "soon", undefined],
    ["a negative number is ignored, not read as a date", "-5", undefined],
    ["a fraction is ignored, not read as a date", "1.5", undefined],
    ["an empty header is ignored", "", undefined],
  ])("%s", (_rule, header, want) => {
    expect(parseRetryAfter(header, now)).toBe(want);
  });
  it("a missing header is ignored", () => expect(parseRetryAfter(null, now)).toBeUndefined());
});

describe("backoffDelay is exponential with jitter, capped", () => {
  const policy = { ...defaultRetryPolicy, baseDelay: 100, maxDelay: 1_000 };
  it.each([
    ["the first retry waits between half and all of baseDelay", 1, [50, 100]],
    ["each retry doubles the ceiling", 3, [200, 400]],
    ["the ceiling never exceeds maxDelay", 10, [500, 1_000]],
  ] as const)("%s", (_rule, retry, [low, high]) => {
    expect(backoffDelay(retry, policy, () => 0)).toBe(low);
    expect(backoffDelay(retry, policy, () => 1)).toBe(high);
  });
});

describe("retryable statuses are those after which the same request may succeed", () => {
  it.each([408, 429, 502, 503, 504])("%i is retried", (status) => expect(retryableStatuses.has(status)).toBe(true));
  it.each([400, 401, 403, 404, 412, 413, 500])("%i is not", (status) => expect(retryableStatuses.has(status)).toBe(false));
});
