import { uploadFileRoute, type ContentType } from "@lucca-api/types";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import type { MultipartBody, UploadBody, UploadPart } from "./upload-file.ts";

/** The multipart media type and the name of the one part, as the spec's upload operation states. */
const [multipartType = ""] = uploadFileRoute.requestMediaTypes;
const [partName = ""] = uploadFileRoute.requestParts;

export interface MultipartFraming {
  contentType: string;
  head: Uint8Array;
  tail: Uint8Array;
}

/**
 * The bytes around the file in a `multipart/form-data` body (RFC 7578) with one part.
 * The file name goes as `filename` (ASCII fallback) and `filename*` (RFC 8187) when it is
 * not plain ASCII.
 */
export function multipartFraming(fileName: string, contentType: string): MultipartFraming {
  const boundary = `lucca-api-${crypto.randomUUID()}`;
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const extended = ascii === fileName ? "" : `; filename*=UTF-8''${encodeRfc8187(fileName)}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${partName}"; filename="${ascii}"${extended}\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  const encoder = new TextEncoder();
  return {
    contentType: `${multipartType}; boundary=${boundary}`,
    head: encoder.encode(head),
    tail: encoder.encode(`\r\n--${boundary}--\r\n`),
  };
}

/**
 * Node's multipart body: framed here, so that its exact size is known before sending;
 * `body` builds each attempt's, whose progress is reported as it goes. A stream source
 * is sent once.
 */
export const framedBody =
  (body: UploadBody) =>
  ({ prepared, fileName, contentType, size, onProgress }: UploadPart): MultipartBody => {
    const framing = multipartFraming(fileName, contentType);
    let sent = 0;
    let used = false;
    const oneShot = prepared.kind === "stream";
    return {
      contentType: framing.contentType,
      framingBytes: framing.head.byteLength + framing.tail.byteLength,
      oneShot,
      create(touch) {
        if (oneShot && used) throw new InvalidInputError("source", "a stream can be sent only once; upload a Blob, bytes or a path to allow retries.");
        used = true;
        sent = 0;
        return body(prepared, framing, size, (bytes) => {
          sent += bytes;
          touch();
          // The end is reported once, after the answer: a retry may yet send the file again.
          if (size === undefined || sent < size) onProgress?.({ loaded: sent, total: size });
        });
      },
      sent: () => sent,
    };
  };

function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The body as an async iterable, which Node's fetch streams as it iterates: framing,
 * then the file's chunks as they are read, then the closing boundary. Iterating pulls
 * one chunk at a time, so memory stays flat; `onChunk` sees each piece's size
 * (progress, timers). Stopping early (an abort) closes the file's iterator.
 */
export async function* multipartChunks(framing: MultipartFraming, file: AsyncIterable<Uint8Array>, onChunk: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  yield framing.head;
  for await (const chunk of file) {
    // A large chunk (bytes or a Blob often come as one) goes in views of `maxStep`
    // bytes, so that progress moves in steady steps.
    for (let at = 0; at < chunk.byteLength; at += maxStep) {
      const piece = chunk.byteLength <= maxStep ? chunk : chunk.subarray(at, at + maxStep);
      onChunk(piece.byteLength);
      yield piece;
    }
  }
  yield framing.tail;
}

/** The largest piece of the file handed to the network at once, in bytes: a progress step. */
export const maxStep = 64 * 1024;
