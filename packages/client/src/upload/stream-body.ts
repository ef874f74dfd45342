import { multipartChunks, type MultipartFraming } from "./multipart-body.ts";
import { exactSize, type PreparedSource } from "./upload-source.ts";

/** Builds one attempt's streamed multipart body; `onChunk` sees each piece's size (progress, timers). */
export type StreamBody = (prepared: PreparedSource, framing: MultipartFraming, size: number | undefined, onChunk: (bytes: number) => void) => AsyncIterable<Uint8Array>;

/**
 * The multipart body as an async iterable, which Node's fetch streams as it iterates, in
 * constant memory. Node only (the entry `index.ts` gives it): a browser sends a Blob, so
 * its build does not carry this path.
 */
export const streamBody: StreamBody = (prepared, framing, size, onChunk) => {
  // On Node a web ReadableStream is async iterable.
  const file = (prepared.kind === "blob" ? (prepared.open?.() ?? prepared.blob.stream()) : prepared.stream) as AsyncIterable<Uint8Array>;
  // A Blob's or a path's size is exact; a stream's is the caller's word, so it is checked.
  const checked = prepared.kind === "stream" && size !== undefined ? exactSize(file, size) : file;
  return multipartChunks(framing, checked, onChunk);
};
