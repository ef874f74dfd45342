import { retryAfterHeader } from "@lucca-api/types";
import { AbortError } from "../errors/abort-error.ts";
import { ConnectionError } from "../errors/connection-error.ts";
import { isLuccaError } from "../errors/guards.ts";
import { TimeoutError } from "../errors/timeout-error.ts";
import { backoffDelay, retryableStatuses, type RetryPolicy } from "./backoff.ts";
import type { RedactingLogger } from "./logger.ts";
import { parseRetryAfter } from "./retry-after.ts";

export interface AttemptContext {
  /** Aborts the attempt: per-attempt timeout, total timeout or the caller's signal. */
  signal: AbortSignal;
  /** Restarts the per-attempt timer: an upload calls it as its body makes progress. */
  touch(): void;
}

export interface AttemptOptions {
  /** Sends one attempt. */
  send(context: AttemptContext): Promise<Response>;
  /** Whether a failed attempt may be sent again (safe method and re-sendable body). */
  repeatable: boolean;
  policy: RetryPolicy;
  /** Per attempt, in ms, until the answer's headers arrive (0: none). */
  timeout: number;
  /** For the whole call with its retries and waits, in ms (0: none). */
  totalTimeout: number;
  signal: AbortSignal | null | undefined;
  /** `GET https://…` with secrets redacted, for messages: built only when one is written. */
  describe: () => string;
  logger: RedactingLogger;
}

/**
 * Runs attempts until one gets an answer worth returning: retries connection errors,
 * attempt timeouts and retryable statuses while the request is repeatable, waiting with
 * backoff or `Retry-After` (up to `maxRetryAfter`). The timers stop once headers arrive;
 * the caller's signal stays linked so that it can still cancel the body. Every request
 * goes through here, so the path of an attempt that succeeds allocates little.
 */
export async function runAttempts(options: AttemptOptions): Promise<Response> {
  const { policy, signal: userSignal, describe, logger } = options;
  const total = options.totalTimeout > 0 ? new Deadline(options.totalTimeout) : undefined;
  const aborted = () => new AbortError(`${describe()} was aborted by the caller's signal.`, { cause: userSignal?.reason });
  const wait = (ms: number) => sleep(ms, userSignal, total, () => (userSignal?.aborted ? aborted() : new TimeoutError("total", options.totalTimeout, describe())));
  try {
    for (let attempt = 1; ; attempt++) {
      if (userSignal?.aborted) throw aborted();
      const canRetry = options.repeatable && attempt <= policy.maxRetries;
      const controller = new AbortController();
      const timer = options.timeout > 0 ? new Timer(options.timeout, controller) : undefined;
      const unlink = userSignal || total ? link(controller, userSignal, total?.signal) : undefined;
      let response: Response;
      try {
        if (logger.enabled) logger.debug(`→ ${describe()} (attempt ${attempt})`);
        response = await options.send({ signal: controller.signal, touch: () => timer?.restart() });
      } catch (cause) {
        unlink?.();
        timer?.stop();
        if (userSignal?.aborted) throw aborted();
        if (total?.fired) throw new TimeoutError("total", options.totalTimeout, describe());
        if (isLuccaError(cause)) throw cause;
        // One of ours thrown while fetch read the request body (a wrong declared size): fetch wraps it.
        if (isLuccaError((cause as { cause?: unknown } | undefined)?.cause)) throw (cause as { cause: unknown }).cause;
        const error = timer?.fired ? new TimeoutError("attempt", options.timeout, describe()) : new ConnectionError(connectionMessage(describe(), cause), { cause });
        if (!canRetry) throw error;
        const delay = backoffDelay(attempt, policy);
        logger.warn(`${error.message} Retrying in ${Math.round(delay)} ms.`);
        await wait(delay);
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
      await wait(delay);
    }
  } finally {
    total?.stop();
  }
}

function connectionMessage(describe: string, cause: unknown): string {
  const error = cause as { message?: string; cause?: { code?: string; message?: string } };
  const reason = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(cause);
  return `${describe} failed before an answer came back (${reason}). Check the base URL and the network.`;
}

/** Aborts `controller` when any of the signals fires; returns the unlinking function. */
function link(controller: AbortController, ...signals: (AbortSignal | null | undefined)[]): () => void {
  const abort = () => controller.abort();
  for (const signal of signals) {
    if (signal?.aborted) controller.abort();
    else signal?.addEventListener("abort", abort, { once: true });
  }
  return () => signals.forEach((signal) => signal?.removeEventListener("abort", abort));
}

/** Waits `ms`, unless the caller's signal or the total timeout ends the call first (rejected with `stopped()`). */
function sleep(ms: number, userSignal: AbortSignal | null | undefined, total: Deadline | undefined, stopped: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    const signals = [userSignal, total?.signal];
    const done = () => {
      clearTimeout(timer);
      signals.forEach((signal) => signal?.removeEventListener("abort", onAbort));
    };
    const onAbort = () => (done(), reject(stopped()));
    const timer = setTimeout(() => (done(), resolve()), ms);
    if (signals.some((signal) => signal?.aborted)) return onAbort();
    signals.forEach((signal) => signal?.addEventListener("abort", onAbort, { once: true }));
  });
}

/** A restartable timer that aborts `controller` when it runs out, and remembers it did. */
class Timer {
  fired = false;
  private handle: ReturnType<typeof setTimeout>;
  constructor(
    private readonly ms: number,
    private readonly controller: AbortController,
  ) {
    this.handle = this.start();
  }
  private start() {
    return setTimeout(() => ((this.fired = true), this.controller.abort()), this.ms);
  }
  restart(): void {
    if (this.fired) return;
    clearTimeout(this.handle);
    this.handle = this.start();
  }
  stop(): void {
    clearTimeout(this.handle);
  }
}

/** The total timeout: a signal that fires once the whole call has run too long. */
class Deadline extends Timer {
  readonly signal: AbortSignal;
  constructor(ms: number, controller = new AbortController()) {
    super(ms, controller);
    this.signal = controller.signal;
  }
}
