import { errorOfOurs, failure } from "../core/failure.ts";
import type { StartDeadline } from "../core/deadline.ts";
import { watchReads } from "../core/guarded-body.ts";
import type { RedactingLogger } from "../core/logger.ts";

export interface ResumableBodyOptions {
  /** The byte at which `first` starts in the file. */
  start: number;
  /** Asks the rest of the content from byte `at` on. */
  resume: (at: number) => Promise<ReadableStream<Uint8Array>>;
  maxResumes: number;
  /** The longest wait for the next chunk, in ms (the `timeout` option; 0: none). A stall counts as a break. */
  idleTimeout: number;
  startDeadline: StartDeadline;
  signal: AbortSignal | undefined;
  describe: () => string;
  logger: RedactingLogger;
  /** Told the position in the file after each chunk received. */
  onProgress?: ((position: number) => void) | undefined;
}

/**
 * A download body that survives a dropped connection: when the stream breaks, the rest
 * is asked with a `Range` from the last byte received, up to `maxResumes` times. A
 * connection that stays silent for `idleTimeout` is a break too (it would otherwise wait
 * forever). It reads ahead by a few chunks only, so memory stays flat whatever the size.
 */
export function resumableBody(first: ReadableStream<Uint8Array>, options: ResumableBodyOptions): ReadableStream<Uint8Array> {
  const guard = { idleTimeout: options.idleTimeout, totalTimeout: 0, startedAt: 0, startDeadline: options.startDeadline };
  let reader = first.getReader();
  // One timer per connection, not per chunk; only a pending read's silence counts.
  let watchdog = watchReads(reader, guard);
  let position = options.start;
  let resumes = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          try {
            watchdog.reading();
            const { value, done } = await reader.read().finally(() => watchdog.idle());
            // A read the watchdog ended by cancelling the reader comes back `done`.
            if (watchdog.fired) throw undefined;
            if (done) return watchdog.stop(), controller.close();
            position += value.byteLength;
            options.onProgress?.(position);
            return controller.enqueue(value);
          } catch (cause) {
            watchdog.stop();
            const what = `${options.describe()} at byte ${position}`;
            if (options.signal?.aborted || errorOfOurs(cause) || resumes >= options.maxResumes) {
              throw failure(cause, options.signal, watchdog.fired, what, `broke off after ${resumes} resumes; download it again`);
            }
            resumes++;
            options.logger.warn(`${what} ${watchdog.fired ? `sent nothing for ${options.idleTimeout} ms` : "broke off"}; resuming from there (attempt ${resumes}).`);
            reader = (await options.resume(position)).getReader();
            watchdog = watchReads(reader, guard);
          }
        }
      },
      cancel(reason) {
        watchdog.stop();
        return reader.cancel(reason);
      },
    },
    // A few chunks of read-ahead keep the network busy while the consumer works; memory
    // stays bounded by them, whatever the file's size.
    { highWaterMark: 4 },
  );
}
