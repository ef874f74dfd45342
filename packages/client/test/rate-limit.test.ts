import { afterAll, beforeAll, expect, it } from "vitest";
import { isRateLimitError, RateLimitError } from "../src/index.ts";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ rateLimitPerMinute: 3 });
});
afterAll(() => sandbox?.close());

it("past the sandbox's rate limit, a Retry-After longer than maxRetryAfter gives RateLimitError with retryAfter, without waiting", async () => {
  const client = sandbox.client({ retry: { maxRetries: 2, maxRetryAfter: 1_000 } });
  const { file } = await client.uploadFile(new Blob(["x"]), { fileName: "x.txt" });
  let error: unknown;
  for (let i = 0; i < 5 && !error; i++) error = await client.getFile(file).then(() => undefined, (e) => e);
  expect(isRateLimitError(error)).toBe(true);
  const rateLimited = error as RateLimitError;
  expect(rateLimited.status).toBe(429);
  expect(rateLimited.retryAfter).toBeGreaterThan(1_000);
  expect(rateLimited.message).toMatch(/^429 .*Wait `retryAfter` ms before the next request\./);
});
