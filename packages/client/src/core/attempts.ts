import { responseHeaders } from "@lucca-api/types";
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
  attempt: number;
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
  signal: AbortSignal | undefined;
  /** `GET https://…` with secrets redacted, for messages. */
  describe: string;
  logger: RedactingLogger;
}

/**
 * Runs attempts until one gets an answer worth returning: retries connection errors,
 * attempt timeouts and retryable statuses while the request is repeatable, waiting with
 * backoff or `Retry-After` (up to `maxRetryAfter`). The timers stop once headers arrive;
 * the caller's signal stays linked so that it can still cancel the body.
 */
export async function runAttempts(options: AttemptOptions): Promise<Response> {
  const { policy, signal: userSignal, describe, logger } = options;
  const total = options.totalTimeout > 0 ? new Deadline(options.totalTimeout) : undefined;
  try {
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(userSignal, describe);
      const canRetry = options.repeatable && attempt <= policy.maxRetries;
      const controller = new AbortController();
      const attemptTimer = options.timeout > 0 ? new Timer(options.timeout, () => controller.abort()) : undefined;
      const unlink = link(controller, userSignal, total?.signal);
      let response: Response;
      try {
        if (logger.enabled) logger.debug(`→ ${describe} (attempt ${attempt})`);
        response = await options.send({ signal: controller.signal, touch: () => attemptTimer?.restart(), attempt });
      } catch (cause) {
        unlink();
        attemptTimer?.stop();
        if (userSignal?.aborted) throw new AbortError(`${describe} was aborted by the caller's signal.`, { cause: userSignal.reason });
        if (total?.expired) throw new TimeoutError("total", options.totalTimeout, describe);
        if (isLuccaError(cause)) throw cause;
        // One of ours thrown while fetch read the request body (a wrong declared size): fetch wraps it.
        if (isLuccaError((cause as { cause?: unknown } | undefined)?.cause)) throw (cause as { cause: unknown }).cause;
        const error = attemptTimer?.fired
          ? new TimeoutError("attempt", options.timeout, describe)
          : new ConnectionError(connectionMessage(describe, cause), { cause });
        if (!canRetry) throw error;
        const delay = backoffDelay(attempt, policy);
        logger.warn(`${error.message} Retrying in ${Math.round(delay)} ms.`);
        await sleep(delay, userSignal, total, describe, options.totalTimeout);
        continue;
      }
      attemptTimer?.stop();
      if (logger.enabled) logger.debug(`← ${response.status} ${describe}`);
      if (!canRetry || !retryableStatuses.has(response.status)) return response;
      const retryAfter = parseRetryAfter(response.headers.get(responseHeaders.retryAfter));
      if (retryAfter !== undefined && retryAfter > policy.maxRetryAfter) return response;
      const delay = retryAfter ?? backoffDelay(attempt, policy);
      unlink();
      await response.body?.cancel().catch(() => undefined);
      logger.warn(`${describe} answered ${response.status}; retrying in ${Math.round(delay)} ms.`);
      await sleep(delay, userSignal, total, describe, options.totalTimeout);
    }
  } finally {
    total?.stop();
  }
}

function throwIfAborted(signal: AbortSignal | undefined, describe: string): void {
  if (signal?.aborted) throw new AbortError(`${describe} was aborted by the caller's signal.`, { cause: signal.reason });
}

function connectionMessage(describe: string, cause: unknown): string {
  const error = cause as { message?: string; cause?: { code?: string; message?: string } };
  const reason = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(cause);
  return `${describe} failed before an answer came back (${reason}). Check the base URL and the network.`;
}

/** Aborts `controller` when any of the signals fires; returns the unlinking function. */
function link(controller: AbortController, ...signals: (AbortSignal | undefined)[]): () => void {
  const abort = () => controller.abort();
  const linked = signals.filter((s): s is AbortSignal => s !== undefined);
  for (const signal of linked) {
    if (signal.aborted) controller.abort();
    else signal.addEventListener("abort", abort, { once: true });
  }
  return () => linked.forEach((signal) => signal.removeEventListener("abort", abort));
}

function sleep(ms: number, userSignal: AbortSignal | undefined, total: Deadline | undefined, describe: string, totalTimeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      userSignal?.removeEventListener("abort", onAbort);
      total?.signal.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      done();
      if (userSignal?.aborted) reject(new AbortError(`${describe} was aborted by the caller's signal.`, { cause: userSignal.reason }));
      else reject(new TimeoutError("total", totalTimeout, describe));
    };
    const timer = setTimeout(() => (done(), resolve()), ms);
    if (userSignal?.aborted || total?.expired) return onAbort();
    userSignal?.addEventListener("abort", onAbort, { once: true });
    total?.signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** A restartable timer that remembers whether it fired. */
class Timer {
  fired = false;
  private handle: ReturnType<typeof setTimeout>;
  constructor(
    private readonly ms: number,
    private readonly onFire: () => void,
  ) {
    this.handle = this.start();
  }
  private start() {
    return setTimeout(() => ((this.fired = true), this.onFire()), this.ms);
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
class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: Timer;
  readonly signal = this.controller.signal;
  constructor(ms: number) {
    this.timer = new Timer(ms, () => this.controller.abort());
  }
  get expired(): boolean {
    return this.timer.fired;
  }
  stop(): void {
    this.timer.stop();
  }
}
