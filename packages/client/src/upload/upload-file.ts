import { eTagHeader, ifMatchParameter, ifNoneMatchParameter, uploadFileRoute, type ContentType, type FileObject, type IncludeValue } from "@lucca-api/types";
import type { ClientContext } from "../core/context.ts";
import { readJson } from "../core/read-json.ts";
import { createApiError } from "../core/create-api-error.ts";
import { through } from "../core/transport.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { multipartFraming, type MultipartFraming } from "./multipart-body.ts";
import type { PreparedSource, UploadSource } from "./upload-source.ts";

/**
 * An upload's progress, in steps of at most 64 KiB, whatever the source; the last event,
 * `loaded === total`, comes once, when the API has answered. A retry starts again from 0.
 */
export interface UploadProgress {
  /** File bytes handed to the network so far. */
  loaded: number;
  /** The file's size, when known (a stream of unknown size: in the last event). */
  total: number | undefined;
}

export interface UploadFileOptions {
  /** The name the file gets. Default: the platform File's or the path's name; required for bytes and streams. */
  fileName?: string | undefined;
  /** Default: the Blob's type, else the name's extension, else `binary/octet-stream`. */
  contentType?: ContentType | undefined;
  /** A stream's exact size in bytes, when you know it: checked against the limit before sending, and sent as `Content-Length`. */
  size?: number | undefined;
  /** Default `['links']`, so that the answer carries the link to download the file. */
  include?: IncludeValue[] | undefined;
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
  onProgress?: ((progress: UploadProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * What uploads need from the platform: Node opens `{ path }`, checks and infers the type
 * and streams the body; a browser build carries none of them (a browser's File has its
 * type, it has no file system, and it sends a Blob), which keeps the bundle smaller.
 */
export interface UploadPlatform {
  /** The source made uniform: `prepareSource` where the body streams, else `bufferSource` (a Blob). */
  prepare(source: UploadSource): Promise<PreparedSource>;
  /**
   * The type the upload goes as, from the caller's `contentType`, the Blob's type and the
   * file name: Node's checks it against the spec's list and infers it from the extension
   * table (`checkedContentType`); a browser's carries neither (`browserContentType`).
   */
  contentType(given: string | undefined, blobType: string | undefined, fileName: string): ContentType;
  /** One attempt's body: streamed on Node (`streamBody`), else a Blob (`blobBody`); `onChunk` sees each piece handed to the network. */
  body: UploadBody;
}

export type UploadBody = (prepared: PreparedSource, framing: MultipartFraming, size: number | undefined, onChunk: (bytes: number) => void) => BodyInit | AsyncIterable<Uint8Array>;

export interface UploadedFile {
  file: FileObject;
  eTag: string | undefined;
}

/**
 * `POST /lucca-api/files`: checks the type and the size before sending, then streams the
 * multipart body in constant memory. A Blob, bytes or path is re-sent on a retry; a
 * stream is sent once. Repeating an upload is harmless (an unreferenced file at worst),
 * so it is retried like a safe request.
 */
export async function uploadFile(context: ClientContext, platform: UploadPlatform, source: UploadSource, options: UploadFileOptions = {}): Promise<UploadedFile> {
  const prepared = await platform.prepare(source);
  const fileName = options.fileName ?? prepared.name;
  if (!fileName) throw new InvalidInputError("fileName", "is required for bytes or a stream, e.g. { fileName: 'report.pdf' }.");
  const contentType = platform.contentType(options.contentType, prepared.type, fileName);
  const size = prepared.size ?? options.size;
  const framing = multipartFraming(fileName, contentType);
  const framingBytes = framing.head.byteLength + framing.tail.byteLength;
  const limit = context.options.maxUploadBytes;
  if (size !== undefined && size + framingBytes > limit) {
    throw new InvalidInputError("source", `'${fileName}' is ${size} bytes, ${size + framingBytes} with its multipart framing: over the API's limit of ${limit} bytes; send a smaller file.`);
  }
  const body = bodyFactory(prepared, framing, size, options.onProgress, platform.body);
  const { data, error, response } = await context.api.POST(uploadFileRoute.path, {
    params: {
      query: { include: options.include ?? ["links"] },
      header: { [ifMatchParameter.name]: options.ifMatch, [ifNoneMatchParameter.name]: options.ifNoneMatch },
    },
    body: {} as { form: Blob },
    bodySerializer: () => undefined,
    headers: {
      "Content-Type": framing.contentType,
      // Known up front, the length lets the server refuse an oversized body before reading
      // it (a browser sets it itself, and drops it from here).
      "Content-Length": size !== undefined ? String(size + framingBytes) : undefined,
    },
    parseAs: "text",
    ...through(context.transport, options.signal, { body: body.create, oneShot: body.oneShot, repeatable: true, readBody: true }),
  });
  if (error !== undefined) throw createApiError(response, error, uploadFileRoute.method);
  const file = readJson<FileObject>(data ?? "", response, "the uploaded file object");
  // The one final event, once the API has the file (an attempt that failed after its last byte reported none).
  options.onProgress?.({ loaded: size ?? body.sent(), total: size ?? body.sent() });
  return { file, eTag: response.headers.get(eTagHeader) ?? undefined };
}

/** Each attempt's body, with its progress; a stream source is sent once. */
function bodyFactory(prepared: PreparedSource, framing: MultipartFraming, size: number | undefined, onProgress: UploadFileOptions["onProgress"], body: UploadBody) {
  let sent = 0;
  let used = false;
  const oneShot = prepared.kind === "stream";
  const create = (touch: () => void): BodyInit | AsyncIterable<Uint8Array> => {
    if (oneShot && used) throw new InvalidInputError("source", "a stream can be sent only once; upload a Blob, bytes or a path to allow retries.");
    used = true;
    sent = 0;
    return body(prepared, framing, size, (bytes) => {
      sent += bytes;
      touch();
      // The end is reported once, after the answer: a retry may yet send the file again.
      if (size === undefined || sent < size) onProgress?.({ loaded: sent, total: size });
    });
  };
  return { create, oneShot, sent: () => sent };
}
