import { AbortError } from "../errors/abort-error.ts";
import { ConnectionError } from "../errors/connection-error.ts";
import { isLuccaError } from "../errors/guards.ts";
import { TimeoutError } from "../errors/timeout-error.ts";

/** The next chunk did not come within the idle timeout. */
export class Stalled extends Error {}

/** `reader.read()`, given up after `ms` of silence (0: waits as long as it takes); the stalled reader is cancelled. */
export async function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<ReadableStreamReadResult<Uint8Array>> {
  if (ms <= 0) return reader.read();
  let stalled = false;
  const timer = setTimeout(() => {
    stalled = true;
    // Ends the pending read (as `done`), which the flag turns into a stall.
    void reader.cancel().catch(() => undefined);
  }, ms);
  try {
    const result = await reader.read().catch((cause: unknown) => {
      if (!stalled) throw cause;
    });
    if (stalled || !result) throw new Stalled();
    return result;
  } finally {
    clearTimeout(timer);
  }
}

export interface BodyGuard {
  /** The longest silence between two chunks, in ms (the `timeout` option; 0: none). */
  idleTimeout: number;
  /** The `totalTimeout` option (0: none), counted from `startedAt` (`performance.now()`). */
  totalTimeout: number;
  startedAt: number;
  signal: AbortSignal | undefined;
  /** `GET https://…` with secrets redacted, for messages. */
  describe: string;
}

/**
 * Guards the body of an answer that is read after the transport returned it (openapi-fetch
 * reads a typed call's answer itself): a silence longer than `timeout` is a `TimeoutError`
 * (scope `attempt`), the call running past `totalTimeout` one of scope `total`, the
 * caller's signal an `AbortError`, a dropped connection a `ConnectionError`, as before the
 * headers. The same `Response` comes back, its readers replaced: a new `Response` would
 * build a web stream per call (about 60 µs of a 400 µs loopback GET); the stream `body`
 * is built only when asked for.
 */
export function guardBody(response: Response, guard: BodyGuard): Response {
  const original = response.body;
  if (original === null) return response;
  let stream: ReadableStream<Uint8Array> | undefined;
  const bytes = async () => concat(await readAll(original.getReader(), guard));
  const text = async () => new TextDecoder().decode(await bytes());
  return Object.defineProperties(response, {
    body: { get: () => (stream ??= guardedStream(original, guard)) },
    text: { value: text },
    json: { value: async () => JSON.parse(await text()) as unknown },
    arrayBuffer: { value: async () => toArrayBuffer(await bytes()) },
    // fetch's chunks live in plain ArrayBuffers, never shared ones.
    blob: { value: async () => new Blob([(await bytes()) as Uint8Array<ArrayBuffer>], { type: response.headers.get("Content-Type") ?? "" }) },
  });
}

/** The next chunk, within the time left; a failure becomes the error of the hierarchy that says what happened. */
async function guardedRead(reader: ReadableStreamDefaultReader<Uint8Array>, guard: BodyGuard): Promise<ReadableStreamReadResult<Uint8Array>> {
  const left = guard.totalTimeout > 0 ? guard.startedAt + guard.totalTimeout - performance.now() : Number.POSITIVE_INFINITY;
  const scope = guard.idleTimeout > 0 && guard.idleTimeout <= left ? "attempt" : "total";
  const wait = scope === "attempt" ? guard.idleTimeout : Number.isFinite(left) ? Math.max(1, Math.ceil(left)) : 0;
  try {
    return await readWithin(reader, wait);
  } catch (cause) {
    if (guard.signal?.aborted) throw new AbortError(`${guard.describe} was aborted by the caller's signal while its answer was read.`, { cause: guard.signal.reason });
    if (isLuccaError(cause)) throw cause;
    if (cause instanceof Stalled) throw new TimeoutError(scope, scope === "attempt" ? guard.idleTimeout : guard.totalTimeout, `Reading the answer to ${guard.describe}`);
    const reason = (cause as { cause?: { code?: string } } | undefined)?.cause?.code ?? (cause as Error | undefined)?.message ?? String(cause);
    throw new ConnectionError(`${guard.describe}: the answer broke off before its end (${reason}). Send the request again.`, { cause });
  }
}

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>, guard: BodyGuard): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { value, done } = await guardedRead(reader, guard);
    if (done) return chunks;
    chunks.push(value);
  }
}

/** The body as a stream (`parseAs: "stream"`), each chunk guarded. */
function guardedStream(original: ReadableStream<Uint8Array>, guard: BodyGuard): ReadableStream<Uint8Array> {
  const reader = original.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await guardedRead(reader, guard);
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
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
