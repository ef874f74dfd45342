import { afterEach, expect, it, vi } from "vitest";
import { runAttempts } from "../src/core/attempts.ts";
import { defaultRetryPolicy } from "../src/core/backoff.ts";
import { startQueuedDeadline } from "../src/core/deadline.ts";
import { createRedactingLogger } from "../src/core/logger.ts";

afterEach(() => {
  vi.useRealTimers();
});

/** An attempt that never answers: it ends only when its signal is aborted. */
const neverAnswers = (signal: AbortSignal) => new Promise<Response>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));

it("totalTimeout counts from the call's start, so a second run (after a 401) gets only what is left", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  const startedAt = performance.now();
  vi.advanceTimersByTime(900); // the first run and the fresh token took 900 ms of the 1,000
  const outcome = runAttempts(
    neverAnswers,
    { repeatable: false, repeatsEffect: false, signal: undefined, describe: () => "GET http://127.0.0.1/x", startedAt },
    { policy: defaultRetryPolicy, timeout: 0, totalTimeout: 1000, logger: createRedactingLogger(undefined, () => []), startDeadline: startQueuedDeadline },
  ).then(
    () => "answered",
    (error: { name: string; scope?: string }) => `${error.name} ${error.scope}`,
  );
  await vi.advanceTimersByTimeAsync(100);
  expect(await Promise.race([outcome, Promise.resolve("still waiting after the 1,000 ms")])).toBe("TimeoutError total");
});
