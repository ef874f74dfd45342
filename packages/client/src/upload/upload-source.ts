import { InvalidInputError } from "../errors/invalid-input-error.ts";

/**
 * What can be uploaded: a Blob or File, bytes, a web `ReadableStream`, a Node readable
 * (any async iterable of bytes), or `{ path }` of a file on disk (Node only).
 */
export type UploadSource =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | { path: string };

/** A source made uniform: a Blob (re-readable, size known) or a one-shot stream. */
export type PreparedSource =
  | { kind: "blob"; blob: Blob; size: number; name: string | undefined; type: string | undefined; open?: () => AsyncIterable<Uint8Array> }
  | { kind: "stream"; stream: ReadableStream<Uint8Array>; size: number | undefined; name: string | undefined; type: undefined };

/** Opens `{ path }` (Node: `open-path.ts`; a browser refuses it). */
export type OpenPath = (path: string) => Promise<PreparedSource>;

/**
 * The source as the platform sends it. Where the request body streams (Node), a stream
 * stays a one-shot stream and `{ path }` is opened for a fresh read at each attempt;
 * elsewhere (`bufferSource`) everything becomes a Blob first.
 */
export async function prepareSource(source: UploadSource, openPath: OpenPath): Promise<PreparedSource> {
  const blob = blobSource(source);
  if (blob) return blob;
  if (typeof ReadableStream !== "undefined" && source instanceof ReadableStream) return { kind: "stream", stream: source, size: undefined, name: undefined, type: undefined };
  if (isPath(source)) return openPath(source.path);
  if (isAsyncIterable(source)) return { kind: "stream", stream: fromAsyncIterable(source), size: undefined, name: undefined, type: undefined };
  throw unknownSource();
}

/** A Blob or File (its name and type kept), or bytes, as they are: re-readable, size known. */
export function blobSource(source: UploadSource): PreparedSource | undefined {
  if (typeof Blob !== "undefined" && source instanceof Blob) {
    const name = (source as Blob & { name?: unknown }).name;
    return { kind: "blob", blob: source, size: source.size, name: typeof name === "string" ? name : undefined, type: source.type || undefined };
  }
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    const blob = new Blob([source as BlobPart]);
    return { kind: "blob", blob, size: blob.size, name: undefined, type: undefined };
  }
  return undefined;
}

/**
 * `{ path }`, and not a stream that has a `path` of its own: Node's fs stream (which may
 * read a slice of the file, `start`/`end`) or an archive entry (the name inside the
 * archive) uploads what it gives, not the file its path names.
 */
export const isPath = (source: UploadSource): source is { path: string } =>
  typeof source === "object" && source !== null && "path" in source && typeof source.path === "string" && !isAsyncIterable(source);

export const isAsyncIterable = (source: UploadSource): source is AsyncIterable<Uint8Array> =>
  Boolean(source) && typeof (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function";

export const unknownSource = () => new InvalidInputError("source", "must be a Blob or File, bytes, a ReadableStream, a Node readable stream, or { path }.");

/** Pulls from the iterator only when the consumer wants more, so memory stays flat. */
function fromAsyncIterable(iterable: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/**
 * A stream checked against the size its caller declared (sent as `Content-Length`): a
 * mismatch is the caller's to fix, and would otherwise surface as a network failure.
 */
export async function* exactSize(file: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let given = 0;
  for await (const chunk of file) {
    given += chunk.byteLength;
    if (given > size) throw new InvalidInputError("size", `the stream gave more than ${size} bytes where size said ${size}; pass its exact size, or leave size out.`);
    yield chunk;
  }
  if (given !== size) throw new InvalidInputError("size", `the stream gave ${given} bytes where size said ${size}; pass its exact size, or leave size out.`);
}
