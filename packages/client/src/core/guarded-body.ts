import type { Deadline, StartDeadline } from "./deadline.ts";
import { errorOfOurs, failure, type Expired } from "./failure.ts";
import type { RedactingLogger } from "./logger.ts";

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
  /** A download's: asks the rest of the content from byte `at` after a break, up to `maxResumes` times. */
  resume?: ((at: number) => Promise<ReadableStream<Uint8Array>>) | undefined;
  maxResumes?: number | undefined;
  /** The byte of the file the body starts at. */
  start?: number | undefined;
  logger?: RedactingLogger | undefined;
  /** Told the position in the file after each chunk. */
  onProgress?: ((position: number) => void) | undefined;
}

/**
 * Watches the reads of a body: a read pending longer than `idleTimeout` (its silence; a
 * slow consumer between reads is not counted), or the call running past `totalTimeout`,
 * cancels the reader, which ends the pending read, and `fired` says which. A closure
 * rather than a class: its state stays in locals, which a minifier renames.
 */
function watchReads(reader: ReadableStreamDefaultReader<Uint8Array>, { idleTimeout, totalTimeout, startedAt, startDeadline }: BodyGuard) {
  let silence: Deadline | undefined;
  const fire = (expired: Expired) => {
    if (watchdog.fired) return;
    watchdog.fired = expired;
    void reader.cancel().catch(() => undefined);
  };
  const total = totalTimeout > 0 ? setTimeout(() => fire(["total", totalTimeout]), Math.max(0, startedAt + totalTimeout - performance.now())) : undefined;
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
    },
  };
  return watchdog;
}

/**
 * A body read chunk by chunk under its guard: a failure is the error of the hierarchy
 * that says what happened (`TimeoutError`, `AbortError`, `ConnectionError`). With
 * `resume` (a download), a break asks the rest with a `Range` from the last byte
 * received instead, up to `maxResumes` times; a silence counts as a break. It reads
 * ahead by a few chunks only, so memory stays flat whatever the size.
 */
export function guardedStream(first: ReadableStream<Uint8Array>, guard: BodyGuard): ReadableStream<Uint8Array> {
  let reader = first.getReader();
  // One timer per connection, not per chunk; only a pending read's silence counts.
  let watchdog = watchReads(reader, guard);
  let position = guard.start ?? 0;
  let resumes = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          try {
            watchdog.reading();
            const { value, done } = await reader.read().finally(watchdog.idle);
            // A read the watchdog ended by cancelling the reader comes back `done`.
            if (watchdog.fired) throw undefined;
            if (done) return watchdog.stop(), controller.close();
            position += value.byteLength;
            guard.onProgress?.(position);
            return controller.enqueue(value);
          } catch (cause) {
            watchdog.stop();
            const what = `${guard.describe()} at byte ${position}`;
            if (!guard.resume || guard.signal?.aborted || errorOfOurs(cause) || resumes >= guard.maxResumes!) {
              throw failure(cause, guard.signal, watchdog.fired, what, guard.resume ? `broke off after ${resumes} resumes; download it again` : "broke off; send the request again");
            }
            resumes++;
            guard.logger?.warn(`${what} ${watchdog.fired ? `sent nothing for ${guard.idleTimeout} ms` : "broke off"}; resuming from there (attempt ${resumes}).`);
            reader = (await guard.resume(position)).getReader();
            watchdog = watchReads(reader, guard);
          }
        }
      },
      cancel(reason) {
        watchdog.stop();
        return reader.cancel(reason);
      },
    },
    // A few chunks of read-ahead keep the network busy while the consumer works.
    { highWaterMark: 4 },
  );
}

/**
 * A small answer read whole inside its attempt (`readText`), or the guard of a file's
 * content that a typed call hands to openapi-fetch unread.
 */
export type Kept = string | { original: ReadableStream<Uint8Array>; guard: BodyGuard; stream?: ReadableStream<Uint8Array> };

/** Gives an answer the body that was read or guarded: the platform's (`Platform.keepBody`). */
export type KeepBody = (response: Response, body: Kept) => Response;

const kept = Symbol("kept body");
type KeptResponse = Response & { [kept]: Kept };

/**
 * Node's `KeepBody`: the same `Response` comes back, its readers (`body`, `text()`,
 * `json()`, `arrayBuffer()`, `blob()`) taken from a prototype all such answers share,
 * which serves what was read, or reads through the guard. Every request comes here, so
 * this is cheap: a new `Response` would build a web stream (measured at about 60 µs of
 * a 400 µs loopback GET on Node), readers defined on each answer about 20 µs. (A
 * browser builds a new one: `fresh-body.ts`.)
 */
export const keepBody: KeepBody = (response, body) => {
  (response as KeptResponse)[kept] = body;
  return Object.setPrototypeOf(response, KeptBody) as Response;
};

/** The guarded content as a fresh `Response`, for the readers other than `body`; the text read, likewise. */
const again = (response: KeptResponse) => new Response(typeof response[kept] === "string" ? response[kept] : response.body, { headers: response.headers });

// Built by a function so that a bundle without `keepBody` (a browser's) drops it.
const KeptBody: Response = /* @__PURE__ */ keptBodyPrototype();

function keptBodyPrototype(): Response {
  return Object.create(globalThis.Response?.prototype ?? Object.prototype, {
    body: {
      get(this: KeptResponse) {
        const body = this[kept];
        return typeof body === "string" ? again(this).body : (body.stream ??= guardedStream(body.original, body.guard));
      },
    },
    text: {
      value(this: KeptResponse) {
        const body = this[kept];
        return typeof body === "string" ? Promise.resolve(body) : again(this).text();
      },
    },
    json: {
      async value(this: Response) {
        return JSON.parse(await this.text()) as unknown;
      },
    },
    arrayBuffer: {
      value(this: KeptResponse) {
        return again(this).arrayBuffer();
      },
    },
    blob: {
      value(this: KeptResponse) {
        return again(this).blob();
      },
    },
  }) as Response;
}

/** A small answer, read whole inside its attempt: each chunk restarts the attempt's timer (`touch`), so its silence is what counts. */
export async function readText(response: Response, touch: () => void): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  // Most answers come in one chunk, decoded at once by the shared decoder; a decoder of
  // its own carries a character split between two chunks.
  let decoder: TextDecoder | undefined;
  let text = "";
  let last: Uint8Array | undefined;
  for (let chunk; !(chunk = await reader.read()).done; touch()) {
    if (last) text += (decoder ??= new TextDecoder()).decode(last, { stream: true });
    last = chunk.value;
  }
  return last ? text + (decoder ?? utf8).decode(last) : text;
}

/** Stateless when not streaming: one for every answer that comes in one chunk. */
const utf8 = new TextDecoder();
