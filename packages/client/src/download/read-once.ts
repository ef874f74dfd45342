import { InvalidInputError } from "../errors/invalid-input-error.ts";

/**
 * A download's content streams from the network once: a second read (`body`, `blob()`,
 * `bytes()` or `saveTo()`) would find the stream taken. Say so, with the fix, rather
 * than let the platform's "ReadableStream is locked" surface.
 */
export function readOnce(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  if (body.locked) {
    throw new InvalidInputError("download", "its content can be read once (body, blob(), bytes() or saveTo()); call downloadFile again.");
  }
  return body;
}

/**
 * A download's whole content as its chunks, read here rather than by `Response`'s
 * `arrayBuffer()` or `blob()`: a browser's reports a failed stream as a bare
 * `TypeError: Failed to fetch`, losing the stream's own error (the caller's abort, a
 * timeout), which Node's passes on.
 */
export async function readChunks(body: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = readOnce(body).getReader();
  const chunks: Uint8Array[] = [];
  for (let read; !(read = await reader.read()).done; ) chunks.push(read.value);
  return chunks;
}
