import type { Deadline, StartDeadline } from "./deadline.ts";
import { failure, type Expired } from "./failure.ts";

export interface BodyGuard {
  /** The longest silence between two chunks, in ms (the `timeout` option; 0: none). */
  idleTimeout: number;
  /** The `totalTimeout` option (0: none), counted from `startedAt` (`performance.now()`). */
  totalTimeout: number;
  startedAt: number;
  signal: AbortSignal | null | undefined;
  /** `GET https://…` with secrets redacted, for messages. */
  describe: () => string;
  startDeadline: StartDeadline;
}

/**
 * Guards the body of an answer that is read after the transport returned it (openapi-fetch
 * reads a typed call's answer itself): a silence longer than `timeout` is a `TimeoutError`
 * (scope `attempt`), the call running past `totalTimeout` one of scope `total`, the
 * caller's signal an `AbortError`, a dropped connection a `ConnectionError`, as before the
 * headers. The same `Response` comes back, its readers (`body`, `text()`, `json()`,
 * `arrayBuffer()`, `blob()`) taken from a prototype that reads through the guard. Every
 * typed call comes here, so this is cheap: a new `Response` would build a web stream
 * (measured at about 60 µs of a 400 µs loopback GET), readers defined on each answer
 * about 20 µs; a prototype swap costs little, as all answers share it. The silence of a
 * read is a `Deadline`, which shares its platform timer with every other wait of its length.
 */
export function guardBody(response: Response, guard: BodyGuard): Response {
  const original = response.body;
  if (original === null) return response;
  (response as Guarded)[guarded] = { original, guard, stream: undefined };
  return Object.setPrototypeOf(response, GuardedResponse) as Response;
}

const guarded = Symbol("guarded body");
type Guarded = Response & { [guarded]: { original: ReadableStream<Uint8Array>; guard: BodyGuard; stream: ReadableStream<Uint8Array> | undefined } };

function bytesOf(response: Response): Promise<Uint8Array> {
  const { original, guard } = (response as Guarded)[guarded];
  return readAll(original.getReader(), guard);
}

/** One decoder for every answer: a whole body is decoded at once, which keeps no state between calls. */
const utf8 = new TextDecoder();

async function textOf(response: Response): Promise<string> {
  return utf8.decode(await bytesOf(response));
}

/**
 * A whole body as text, read as the guarded readers read: undici's `text()`, with its
 * checks and callbacks, cost some 3 µs more a call in process, 7 µs of a 270 µs loopback
 * request. Unguarded: the caller's attempt covers the read, and judges its failures
 * (`readBody`).
 */
export async function bodyText(body: ReadableStream<Uint8Array> | null): Promise<string> {
  const chunks: Uint8Array[] = [];
  for (const reader = body?.getReader(); reader; ) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return utf8.decode(concat(chunks));
}

/** A `Response` whose readers go through the guard. */
const GuardedResponse: Response = Object.create(globalThis.Response?.prototype ?? Object.prototype, {
  body: {
    get(this: Guarded) {
      const state = this[guarded];
      return (state.stream ??= guardedStream(state.original.getReader(), state.guard));
    },
  },
  text: { value: function (this: Response) { return textOf(this); } },
  json: { value: async function (this: Response) { return JSON.parse(await textOf(this)) as unknown; } },
  arrayBuffer: { value: async function (this: Response) { return toArrayBuffer(await bytesOf(this)); } },
  // fetch's chunks live in plain ArrayBuffers, never shared ones.
  blob: { value: async function (this: Response) { return new Blob([(await bytesOf(this)) as Uint8Array<ArrayBuffer>], { type: this.headers.get("Content-Type") ?? "" }); } },
}) as Response;

/**
 * Watches the reads of a body: a read pending longer than `idleTimeout` (its silence; a
 * slow consumer between reads is not counted), or the call running past `totalTimeout`,
 * cancels the reader, which ends the pending read, and `fired` says which.
 */
export interface Watchdog {
  /** Which timeout ran out, once one has. */
  readonly fired: Expired;
  /** A read starts: its silence counts from now. */
  reading(): void;
  /** A read ended: no silence is counted until the next one. */
  idle(): void;
  stop(): void;
}

/** A closure rather than a class: its state stays in locals, which a minifier renames. */
export function watchReads(reader: ReadableStreamDefaultReader<Uint8Array>, { idleTimeout, totalTimeout, startedAt, startDeadline }: Pick<BodyGuard, "idleTimeout" | "totalTimeout" | "startedAt" | "startDeadline">): Watchdog {
  let silence: Deadline | undefined;
  const fire = (expired: Expired) => {
    if (watchdog.fired) return;
    watchdog.fired = expired;
    void reader.cancel().catch(() => undefined);
  };
  const total = totalTimeout > 0 ? setTimeout(() => fire(["total", totalTimeout]), Math.max(0, startedAt + totalTimeout - performance.now())) : undefined;
  const watchdog = {
    fired: undefined as Expired,
    reading() {
      if (idleTimeout <= 0 || watchdog.fired) return;
      if (silence) silence.restart();
      else silence = startDeadline(idleTimeout, () => fire(["attempt", idleTimeout]));
    },
    idle: () => silence?.stop(),
    stop() {
      silence?.stop();
      clearTimeout(total);
    },
  };
  return watchdog;
}

/** The next chunk; a failure becomes the error of the hierarchy that says what happened. */
async function guardedRead(reader: ReadableStreamDefaultReader<Uint8Array>, watchdog: Watchdog, guard: BodyGuard): Promise<ReadableStreamReadResult<Uint8Array>> {
  watchdog.reading();
  try {
    const result = await reader.read();
    // A read the watchdog ended by cancelling the reader comes back `done`.
    if (!watchdog.fired) return result;
    throw undefined;
  } catch (cause) {
    watchdog.stop();
    throw failure(cause, guard.signal, watchdog.fired, `The answer to ${guard.describe()}`, "broke off before its end; send the request again");
  } finally {
    watchdog.idle();
  }
}

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>, guard: BodyGuard): Promise<Uint8Array> {
  const watchdog = watchReads(reader, guard);
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { value, done } = await guardedRead(reader, watchdog, guard);
    if (done) return watchdog.stop(), concat(chunks);
    chunks.push(value);
  }
}

/** The body as a stream (`parseAs: "stream"`), each chunk guarded. */
function guardedStream(reader: ReadableStreamDefaultReader<Uint8Array>, guard: BodyGuard): ReadableStream<Uint8Array> {
  const watchdog = watchReads(reader, guard);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await guardedRead(reader, watchdog, guard);
      if (done) watchdog.stop(), controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => (watchdog.stop(), reader.cancel(reason)),
  });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

/** An `ArrayBuffer` holding exactly the bytes (a chunk may be a view on a larger buffer). */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
}
