import { multipartChunks } from "./multipart-body.ts";
import type { UploadBody } from "./upload-file.ts";
import { exactSize } from "./upload-source.ts";

/**
 * The multipart body as an async iterable, which Node's fetch streams as it iterates, in
 * constant memory. Node only (the entry `index.ts` gives it): a browser sends a Blob, so
 * its build does not carry this path.
 */
export const streamBody: UploadBody = (prepared, framing, size, onChunk) => {
  // On Node a web ReadableStream is async iterable.
  const file = (prepared.kind === "blob" ? (prepared.open?.() ?? prepared.blob.stream()) : prepared.stream) as AsyncIterable<Uint8Array>;
  // A Blob's or a path's size is exact; a stream's is the caller's word, so it is checked.
  const checked = prepared.kind === "stream" && size !== undefined ? exactSize(file, size) : file;
  return multipartChunks(framing, checked, onChunk);
};
