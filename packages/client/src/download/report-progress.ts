/** How far a transfer is: bytes of the file so far, out of its size when known. */
export interface TransferProgress {
  loaded: number;
  total: number | undefined;
}

/**
 * Passes a download's content through unchanged, telling `onProgress` after each chunk
 * how many bytes of the file have arrived (counting from `start`, the download's offset).
 * Cancelling the result cancels the download.
 */
export function reportProgress(
  content: ReadableStream<Uint8Array>,
  start: number,
  total: number | undefined,
  onProgress: (progress: TransferProgress) => void,
): ReadableStream<Uint8Array> {
  let loaded = start;
  return content.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        controller.enqueue(chunk);
        onProgress({ loaded, total });
      },
    }),
  );
}
