import type { Deadline, StartDeadline } from "./deadline.ts";
import { errorOfOurs, failure, type Expired } from "./failure.ts";
import type { RedactingLogger } from "./logger.ts";
import { onAbort } from "./on-abort.ts";

/** What covers a body read after its headers: the timeouts, the caller's signal, and for a download its resumes. */
export interface BodyGuard {
  /** The longest silence of a read, in ms (the `timeout` option; 0: none). */
  idleTimeout: number;
  /** The `totalTimeout` option (0: none), counted from `startedAt` (`performance.now()`). */
  totalTimeout: number;
  startedAt: number;
  startDeadline: StartDeadline;
  signal: AbortSignal | null | undefined;
  /** `GET https://…` with secrets redacted, for messages. */
  describe: () => string;
  /** A download's: a break asks the rest of the content instead of failing. */
  resume?: BodyResume | undefined;
}

/** How a download carries on after a break, and what it reports as it reads. */
export interface BodyResume {
  /** Asks the rest of the content from byte `at` of the file. */
  from(at: number): Promise<ReadableStream<Uint8Array>>;
  /** The most resumes of one body. */
  max: number;
  /** The byte of the file the body starts at. */
  start: number;
  logger: RedactingLogger;
  /** Told the position in the file after each chunk. */
  onProgress: ((position: number) => void) | undefined;
}

/**
 * Watches the reads of a body: a read pending longer than `idleTimeout` (its silence; a
 * slow consumer between reads is not counted), the call running past `totalTimeout`, or
 * the caller's signal cancels the reader, which ends the pending read, and `fired` says
 * which timeout did. `stop` ends the watch, the signal's listener with it. A closure
 * rather than a class: its state stays in locals, which a minifier renames.
 */
function watchReads(reader: ReadableStreamDefaultReader<Uint8Array>, { idleTimeout, totalTimeout, startedAt, startDeadline, signal }: BodyGuard) {
  let silence: Deadline | undefined;
  const fire = (expired: Expired) => {
    if (watchdog.fired) return;
    watchdog.fired = expired;
    void reader.cancel().catch(() => undefined);
  };
  const total = totalTimeout > 0 ? setTimeout(() => fire(["total", totalTimeout]), Math.max(0, startedAt + totalTimeout - performance.now())) : undefined;
  // The caller's signal: the attempt stopped watching it once the answer's headers came.
  const unwatch = onAbort([signal], () => void reader.cancel().catch(() => undefined));
  const watchdog = {
    fired: undefined as Expired,
    /** A read starts: its silence counts from now. */
    reading() {
      if (idleTimeout <= 0 || watchdog.fired) return;
      if (silence) silence.restart();
      else silence = startDeadline(idleTimeout, () => fire(["attempt", idleTimeout]));
    },
    /** A read ended: no silence is counted until the next one. */
    idle: () => silence?.stop(),
    stop() {
      silence?.stop();
      clearTimeout(total);
      unwatch();
    },
  };
  return watchdog;
}

/**
 * A body read chunk by chunk under its guard: a failure is the error of the hierarchy
 * that says what happened (`TimeoutError`, `AbortError`, `ConnectionError`). With
 * `resume` (a download), a break asks the rest with a `Range` from the last byte
 * received instead, up to `resume.max` times; a silence counts as a break. It reads
 * ahead by a few chunks only, so memory stays flat whatever the size.
 */
export function guardedStream(first: ReadableStream<Uint8Array>, guard: BodyGuard): ReadableStream<Uint8Array> {
  const { resume } = guard;
  let reader = first.getReader();
  // One timer per connection, not per chunk; only a pending read's silence counts.
  let watchdog = watchReads(reader, guard);
  let position = resume?.start ?? 0;
  let resumes = 0;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          try {
            watchdog.reading();
            const { value, done } = await reader.read().finally(watchdog.idle);
            // A read the watchdog or the caller's signal ended by cancelling the reader comes back `done`.
            if (watchdog.fired || guard.signal?.aborted) throw undefined;
            if (done) return watchdog.stop(), controller.close();
            position += value.byteLength;
            resume?.onProgress?.(position);
            return controller.enqueue(value);
          } catch (cause) {
            watchdog.stop();
            // The consumer cancelled the body: the read that ended is no break to resume from.
            if (cancelled) return;
            const what = `${guard.describe()} at byte ${position}`;
            if (!resume || guard.signal?.aborted || errorOfOurs(cause) || resumes >= resume.max) {
              throw failure(cause, guard.signal, watchdog.fired, what, resume ? `broke off after ${resumes} resumes; download it again` : "broke off; send the request again");
            }
            resumes++;
            resume.logger.warn(`${what} ${watchdog.fired ? `sent nothing for ${guard.idleTimeout} ms` : "broke off"}; resuming from there (attempt ${resumes}).`);
            reader = (await resume.from(position)).getReader();
            if (cancelled) return void reader.cancel();
            watchdog = watchReads(reader, guard);
          }
        }
      },
      cancel(reason) {
        cancelled = true;
        watchdog.stop();
        return reader.cancel(reason);
      },
    },
    // A few chunks of read-ahead keep the network busy while the consumer works.
    { highWaterMark: 4 },
  );
}
