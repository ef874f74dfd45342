import { retryAfterHeader } from "@lucca-api/types";
import { backoffDelay, retryableStatuses, type RetryPolicy } from "./backoff.ts";
import type { Deadline, StartDeadline } from "./deadline.ts";
import { errorOfOurs, failure } from "./failure.ts";
import type { RedactingLogger } from "./logger.ts";
import { onAbort } from "./on-abort.ts";
import type { BrokenAnswer } from "./read-answer.ts";
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
  /**
   * Sending the request twice repeats its effect (its method is not safe: an upload
   * would store its file twice). Once the server has answered it with a 2xx, it has
   * taken it: an answer that then breaks off or stalls is not retried.
   */
  repeatsEffect: boolean;
  /** The caller's signal. */
  signal: AbortSignal | null | undefined;
  /**
   * `signal` lives no longer than the call (a typed call's `Request`'s own): its listener
   * goes with it, where removing it costs some µs a request on Node. A caller's own
   * signal may outlive many calls: it is unwatched once the answer is in.
   */
  signalDiesWithCall?: boolean | undefined;
  /** `GET https://…` with secrets redacted, for messages: built only when one is written. */
  describe: () => string;
  /** When the call began (`performance.now()`): `totalTimeout` counts from there, across the attempts of a second run (the 401's fresh token). */
  startedAt: number;
  /** What to check when no answer came: the API's by default; a token request names its token URL. */
  unanswered?: string | undefined;
}

/** The client's settings the attempts follow (`timeout` per attempt until the answer's headers arrive, `totalTimeout` for the whole call; 0: none). */
export interface AttemptConfig {
  policy: RetryPolicy;
  timeout: number;
  totalTimeout?: number | undefined;
  logger: RedactingLogger;
  /** The platform's waits (Node's share a timer per length). */
  startDeadline: StartDeadline;
  /** The platform's addition to "got no answer; check … and the network" (a browser's: CORS). */
  unansweredHint?: string | undefined;
}

/**
 * Runs attempts until one gets an answer worth returning: retries connection errors,
 * attempt timeouts and retryable statuses while the request is repeatable, waiting with
 * backoff or `Retry-After` (up to `maxRetryAfter`). The timers and the watch of the
 * caller's signal stop once the answer is in (read whole in the attempt, or its headers
 * for a body that streams, whose guard watches the signal itself: `guarded-body.ts`).
 * Every request goes through here, so the path of an attempt that succeeds allocates little.
 */
export async function runAttempts(send: SendAttempt, { repeatable, repeatsEffect, signal: userSignal, signalDiesWithCall, describe, startedAt, unanswered = "the base URL" }: AttemptCall, { policy, timeout, totalTimeout = 0, logger, startDeadline, unansweredHint = "" }: AttemptConfig): Promise<Response> {
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
      } catch (thrown) {
        unlink?.();
        timer?.stop();
        // The answer's headers came (`readText`'s), then its body failed.
        const answered = (thrown as BrokenAnswer | undefined)?.answered;
        const cause = answered ? (thrown as BrokenAnswer).cause : thrown;
        const taken = repeatsEffect && answered! < 300;
        const expired = total?.signal.aborted ? (["total", totalTimeout] as const) : timer?.fired ? (["attempt", timeout] as const) : undefined;
        const error = failure(cause, userSignal, expired, answered ? `${describe()} answered ${answered}, then` : describe(), answered ? (taken ? "broke off" : "broke off; send the request again") : `got no answer; check ${unanswered} and the network${unansweredHint}`);
        if (taken) error.message += " The API took it, so it was not sent again; send it again only if a second copy does no harm.";
        // Only this attempt's own failure (its connection, its timer) is worth another attempt.
        if (!canRetry || taken || userSignal?.aborted || total?.signal.aborted || errorOfOurs(cause)) throw error;
        const delay = backoffDelay(attempt, policy);
        logger.warn(`${error.message} Retrying in ${Math.round(delay)} ms.`);
        await sleep(delay, stopSignals, stopped);
        continue;
      }
      timer?.stop();
      if (!signalDiesWithCall) unlink?.();
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

/** Waits `ms`, unless one of the signals (the caller's, the total timeout's) ends the call first: rejected with `stopped()`. */
function sleep(ms: number, signals: (AbortSignal | null | undefined)[], stopped: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (unwatch(), resolve()), ms);
    const unwatch = onAbort(signals, () => (clearTimeout(timer), reject(stopped())));
  });
}
