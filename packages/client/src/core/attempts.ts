import { retryAfterHeader } from "@lucca-api/types";
import { backoffDelay, retryableStatuses, type RetryPolicy } from "./backoff.ts";
import type { Deadline, StartDeadline } from "./deadline.ts";
import { errorOfOurs, failure } from "./failure.ts";
import type { RedactingLogger } from "./logger.ts";
import { parseRetryAfter } from "./retry-after.ts";

/**
 * Sends one attempt. `signal` aborts it (per-attempt timeout, total timeout or the
 * caller's signal); `touch` restarts the per-attempt timer (an upload calls it as its
 * body makes progress).
 */
export type SendAttempt = (signal: AbortSignal, touch: () => void) => Promise<Response>;

/** What one call tells the attempts about itself. */
export interface AttemptCall {
  /** Whether a failed attempt may be sent again (safe method and re-sendable body). */
  repeatable: boolean;
  /** The caller's signal. */
  signal: AbortSignal | null | undefined;
  /** `GET https://…` with secrets redacted, for messages: built only when one is written. */
  describe: () => string;
  /** When the call began (`performance.now()`): `totalTimeout` counts from there, across the attempts of a second run (the 401's fresh token). */
  startedAt: number;
}

/** The client's settings the attempts follow (`timeout` per attempt until the answer's headers arrive, `totalTimeout` for the whole call; 0: none). */
export interface AttemptConfig {
  policy: RetryPolicy;
  timeout: number;
  totalTimeout?: number | undefined;
  logger: RedactingLogger;
  /** The platform's waits (Node's share a timer per length). */
  startDeadline: StartDeadline;
}

/**
 * Runs attempts until one gets an answer worth returning: retries connection errors,
 * attempt timeouts and retryable statuses while the request is repeatable, waiting with
 * backoff or `Retry-After` (up to `maxRetryAfter`). The timers stop once headers arrive;
 * the caller's signal stays linked so that it can still cancel the body. Every request
 * goes through here, so the path of an attempt that succeeds allocates little.
 */
export async function runAttempts(send: SendAttempt, { repeatable, signal: userSignal, describe, startedAt }: AttemptCall, { policy, timeout, totalTimeout = 0, logger, startDeadline }: AttemptConfig): Promise<Response> {
  // The total timeout: its signal is aborted once it runs out, and only then.
  const total = totalTimeout > 0 ? new AbortController() : undefined;
  const totalTimer = total && setTimeout(() => total.abort(), Math.max(0, totalTimeout - (performance.now() - startedAt)));
  const stopSignals = [userSignal, total?.signal];
  // The caller's abort, else the total timeout (the only two that end a wait).
  const stopped = () => failure(undefined, userSignal, ["total", totalTimeout], describe());
  let timer: Deadline | undefined;
  const touch = () => timer?.restart();
  try {
    for (let attempt = 1; ; attempt++) {
      if (userSignal?.aborted) throw stopped();
      const canRetry = repeatable && attempt <= policy.maxRetries;
      const controller = new AbortController();
      timer = timeout > 0 ? startDeadline(timeout, () => controller.abort()) : undefined;
      const unlink = userSignal || total ? onAbort(stopSignals, () => controller.abort()) : undefined;
      let response: Response;
      try {
        if (logger.enabled) logger.debug(`→ ${describe()} (attempt ${attempt})`);
        response = await send(controller.signal, touch);
      } catch (cause) {
        unlink?.();
        timer?.stop();
        const expired = total?.signal.aborted ? (["total", totalTimeout] as const) : timer?.fired ? (["attempt", timeout] as const) : undefined;
        const error = failure(cause, userSignal, expired, describe(), "got no answer; check the base URL and the network");
        // Only this attempt's own failure (its connection, its timer) is worth another attempt.
        if (!canRetry || userSignal?.aborted || total?.signal.aborted || errorOfOurs(cause)) throw error;
        const delay = backoffDelay(attempt, policy);
        logger.warn(`${error.message} Retrying in ${Math.round(delay)} ms.`);
        await sleep(delay, stopSignals, stopped);
        continue;
      }
      timer?.stop();
      if (logger.enabled) logger.debug(`← ${response.status} ${describe()}`);
      if (!canRetry || !retryableStatuses.has(response.status)) return response;
      const retryAfter = parseRetryAfter(response.headers.get(retryAfterHeader));
      if (retryAfter !== undefined && retryAfter > policy.maxRetryAfter) return response;
      const delay = retryAfter ?? backoffDelay(attempt, policy);
      unlink?.();
      await response.body?.cancel().catch(() => undefined);
      logger.warn(`${describe()} answered ${response.status}; retrying in ${Math.round(delay)} ms.`);
      await sleep(delay, stopSignals, stopped);
    }
  } finally {
    clearTimeout(totalTimer);
  }
}

/** Runs `stop` once any of the signals fires (at once if one has); returns the function that stops watching them. */
function onAbort(signals: (AbortSignal | null | undefined)[], stop: () => void): () => void {
  if (signals.some((signal) => signal?.aborted)) stop();
  else signals.forEach((signal) => signal?.addEventListener("abort", stop, { once: true }));
  return () => signals.forEach((signal) => signal?.removeEventListener("abort", stop));
}

/** Waits `ms`, unless one of the signals (the caller's, the total timeout's) ends the call first: rejected with `stopped()`. */
function sleep(ms: number, signals: (AbortSignal | null | undefined)[], stopped: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (unwatch(), resolve()), ms);
    const unwatch = onAbort(signals, () => (clearTimeout(timer), reject(stopped())));
  });
}
