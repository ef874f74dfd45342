import { eTagHeader, ifMatchParameter, ifNoneMatchParameter, uploadFileRoute, type ContentType, type FileObject, type IncludeValue } from "@lucca-api/types";
import type { ClientContext } from "../core/context.ts";
import { canStreamRequestBodies } from "../core/environment.ts";
import { readJson } from "../core/read-json.ts";
import { createApiError } from "../core/create-api-error.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { checkContentType, inferContentType } from "./content-type.ts";
import { multipartFraming, type MultipartFraming } from "./multipart-body.ts";
import type { StreamBody } from "./stream-body.ts";
import { prepareSource, type OpenPath, type PreparedSource, type UploadSource } from "./upload-source.ts";

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
 * What uploads need from the platform: Node opens `{ path }`, infers a type from the
 * extension table and streams the body; a browser build carries none of them (a
 * browser's File has its type, it has no file system, and it sends a Blob), which keeps
 * the bundle smaller.
 */
export interface UploadPlatform {
  openPath: OpenPath;
  extensionTypes: Readonly<Record<string, ContentType>>;
  /** Streams the multipart body (Node's fetch can); undefined where a Blob is sent instead. */
  streamBody: StreamBody | undefined;
}

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
  // Node's fetch (undici) streams a request body over HTTP/1.1; a browser only over HTTP/2.
  const streamBody = canStreamRequestBodies() ? platform.streamBody : undefined;
  const prepared = await (streamBody ? prepareSource(source, platform.openPath) : bufferedSource(source, platform.openPath));
  const fileName = options.fileName ?? prepared.name;
  if (!fileName) throw new InvalidInputError("fileName", "is required for bytes or a stream, e.g. { fileName: 'report.pdf' }.");
  const contentType = options.contentType !== undefined ? checkContentType(options.contentType) : inferContentType(prepared.type, fileName, platform.extensionTypes);
  const size = prepared.size ?? options.size;
  const framing = multipartFraming(fileName, contentType);
  const framingBytes = framing.head.byteLength + framing.tail.byteLength;
  const limit = context.options.maxUploadBytes;
  if (size !== undefined && size + framingBytes > limit) {
    throw new InvalidInputError("source", `'${fileName}' is ${size} bytes, ${size + framingBytes} with its multipart framing: over the API's limit of ${limit} bytes; send a smaller file.`);
  }
  const body = bodyFactory(prepared, framing, size, options.onProgress, streamBody);
  const { data, error, response } = await context.api.POST(uploadFileRoute.path, {
    params: {
      query: { include: options.include ?? ["links"] },
      header: { [ifMatchParameter.name]: options.ifMatch, [ifNoneMatchParameter.name]: options.ifNoneMatch },
    },
    body: {} as { form: Blob },
    bodySerializer: () => undefined,
    headers: {
      "Content-Type": framing.contentType,
      // Known up front, the length lets the server refuse an oversized body before reading it.
      "Content-Length": size !== undefined && streamBody ? String(size + framingBytes) : undefined,
    },
    parseAs: "text",
    signal: options.signal ?? null,
    fetch: (request: Request) => context.transport.send(request, { body: body.create, oneShot: body.oneShot, repeatable: true, readBody: true, callerSignal: options.signal ?? null }),
  });
  if (error !== undefined) throw createApiError(response, error, uploadFileRoute.method);
  const file = readJson<FileObject>(data ?? "", response, "the uploaded file object");
  // The one final event, once the API has the file (an attempt that failed after its last byte reported none).
  options.onProgress?.({ loaded: size ?? body.sent(), total: size ?? body.sent() });
  return { file, eTag: response.headers.get(eTagHeader) ?? undefined };
}

/** How each attempt gets its body: streamed on Node, a Blob in a browser (no streaming uploads over HTTP/1.1). */
function bodyFactory(prepared: PreparedSource, framing: MultipartFraming, size: number | undefined, onProgress: UploadFileOptions["onProgress"], streamBody: StreamBody | undefined) {
  let sent = 0;
  let used = false;
  const oneShot = prepared.kind === "stream";
  const create = (touch: () => void): BodyInit | AsyncIterable<Uint8Array> => {
    if (oneShot && used) throw new InvalidInputError("source", "a stream can be sent only once; upload a Blob, bytes or a path to allow retries.");
    used = true;
    sent = 0;
    // Without streaming, the source was read into a Blob up front (`bufferedSource`).
    if (!streamBody) return new Blob([framing.head as BlobPart, (prepared as { blob: Blob }).blob, framing.tail as BlobPart]);
    return streamBody(prepared, framing, size, (bytes) => {
      sent += bytes;
      touch();
      // The end is reported once, after the answer: a retry may yet send the file again.
      if (size === undefined || sent < size) onProgress?.({ loaded: sent, total: size });
    });
  };
  return { create, oneShot, sent: () => sent };
}

/** Where a request body cannot be streamed, a stream is read into a Blob first. */
async function bufferedSource(source: UploadSource, openPath: OpenPath): Promise<PreparedSource> {
  const prepared = await prepareSource(source, openPath);
  if (prepared.kind === "blob") return prepared;
  const blob = await new Response(prepared.stream).blob();
  return { kind: "blob", blob, size: blob.size, name: prepared.name, type: undefined };
}
