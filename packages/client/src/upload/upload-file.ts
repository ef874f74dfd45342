import { eTagHeader, ifMatchParameter, ifNoneMatchParameter, uploadFileRoute, type ContentType, type FileObject, type IncludeValue } from "@lucca-api/types";
import type { ClientContext } from "../core/context.ts";
import { readJson } from "../core/read-json.ts";
import { createApiError } from "../core/create-api-error.ts";
import { baseUrlHint } from "../core/api-prefix.ts";
import { checkCallback } from "../core/check-options.ts";
import { through, type RequestBody } from "../core/transport.ts";
import * as httpStatus from "../core/http-status.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { unknownContentType } from "./content-type-aliases.ts";
import type { MultipartFraming } from "./multipart-body.ts";
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
 * and streams the body it frames; a browser build carries none of them (a browser's File
 * has its type, it has no file system, and it sends a FormData it frames itself), which
 * keeps the bundle smaller.
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
  /**
   * The multipart body: Node frames the file itself and reports progress as it streams
   * (`framedBody`); a browser hands a FormData to its fetch (`formDataBody`), which
   * reports none until the end.
   */
  multipart(part: UploadPart): MultipartBody;
}

/** What goes in the upload's one multipart part. */
export interface UploadPart {
  prepared: PreparedSource;
  fileName: string;
  contentType: ContentType;
  /** The file's size when known (a Blob's, a path's, or the size declared for a stream). */
  size: number | undefined;
  onProgress: UploadFileOptions["onProgress"];
}

/** An upload's multipart body, as the platform builds it. */
export interface MultipartBody {
  /** The request's `Content-Type`, with its boundary; undefined where fetch sets it (a FormData). */
  contentType: string | undefined;
  /** The bytes around the file, counted against the API's limit before sending (0 where the platform frames the body). */
  framingBytes: number;
  /** The body can be built only once (a stream source): the upload is not retried. */
  oneShot: boolean;
  /** One attempt's body; `touch` restarts the attempt's timer as the body makes progress. */
  create(touch: () => void): RequestBody;
  /** The file's bytes the last attempt handed to the network (the final event's, for a stream of unknown size). */
  sent(): number;
}

export type UploadBody = (prepared: PreparedSource, framing: MultipartFraming, size: number | undefined, onChunk: (bytes: number) => void) => RequestBody;

export interface UploadedFile {
  file: FileObject;
  eTag: string | undefined;
}

/**
 * `POST /lucca-api/files`: checks the type and the size before sending, then streams the
 * multipart body in constant memory. A Blob, bytes or path is re-sent on a retry; a
 * stream is sent once. An upload that got no answer is retried like a safe request (an
 * unreferenced file at worst); one the API answered with a 2xx has stored its file and
 * is never sent again, whatever happens to the answer (`AttemptCall.repeatsEffect`).
 */
export async function uploadFile(context: ClientContext, platform: UploadPlatform, source: UploadSource, options: UploadFileOptions = {}): Promise<UploadedFile> {
  checkCallback("onProgress", options.onProgress);
  const prepared = await platform.prepare(source);
  const fileName = options.fileName ?? prepared.name;
  if (!fileName) throw new InvalidInputError("fileName", "is required for a source without a name (a Blob, bytes or a stream), e.g. { fileName: 'report.pdf' }.");
  const contentType = platform.contentType(options.contentType, prepared.type, fileName);
  const size = prepared.size ?? options.size;
  const multipart = platform.multipart({ prepared, fileName, contentType, size, onProgress: options.onProgress });
  const length = size !== undefined && multipart.contentType ? String(size + multipart.framingBytes) : undefined;
  const limit = context.options.maxUploadBytes;
  if (size !== undefined && size + multipart.framingBytes > limit) {
    // A browser frames a FormData itself: there only the file is counted.
    throw new InvalidInputError("source", `'${fileName}' (${size} bytes) is over the API's limit of ${limit} bytes${multipart.framingBytes ? " with its multipart framing" : ""}; send a smaller file.`);
  }
  const { data, error, response } = await context.api.POST(uploadFileRoute.path, {
    params: {
      query: { include: options.include ?? ["links"] },
      header: { [ifMatchParameter.name]: options.ifMatch, [ifNoneMatchParameter.name]: options.ifNoneMatch },
    },
    body: {} as { form: Blob },
    bodySerializer: () => undefined,
    headers: {
      "Content-Type": multipart.contentType,
      // Known up front, the length lets the server refuse an oversized body before reading
      // it (a browser sets it itself).
      "Content-Length": length,
    },
    parseAs: "text",
    ...through(context.transport, options.signal, { body: multipart.create, oneShot: multipart.oneShot, repeatable: true, readBody: true }),
  });
  // A browser build leaves the check of the type to the API: its refusal names the way round.
  // The upload's path always exists on the API: a 404 says that baseUrl is not the API's,
  // often one that ends with the API's prefix, as Lucca's docs show every path (a gateway
  // may mount the API there, so it is not refused up front).
  if (error !== undefined) throw createApiError(response, error, uploadFileRoute.method, (status) => status === httpStatus.notFound ? baseUrlHint(context.options.baseUrl) : status === httpStatus.badRequest && JSON.stringify(error).includes(contentType) && `The API did not take contentType '${contentType}': pass contentType: '${unknownContentType}' to send the file as plain bytes.`);
  const file = readJson<FileObject>(data ?? "", response, "the uploaded file object");
  // The one final event, once the API has the file (an attempt that failed after its last byte reported none).
  options.onProgress?.({ loaded: size ?? multipart.sent(), total: size ?? multipart.sent() });
  return { file, eTag: response.headers.get(eTagHeader) ?? undefined };
}
