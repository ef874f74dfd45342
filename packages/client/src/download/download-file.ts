import { contentDispositionHeader, contentRangeHeader, eTagHeader, ifMatchParameter, rangeParameter, retrieveFileRoute, type Disposition } from "@lucca-api/types";
import type { ClientContext } from "../core/context.ts";
import * as httpStatus from "../core/http-status.ts";
import { redactUrl } from "../core/redact.ts";
import { checkCallback } from "../core/check-options.ts";
import { createApiError } from "../core/create-api-error.ts";
import { guardedStream } from "../core/guarded-body.ts";
import { invalidResponse } from "../core/read-json.ts";
import { through } from "../core/transport.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { resolveFileTarget, fileReadHint, type FileTarget } from "../links/file-target.ts";
import { fileNameFromContentDisposition } from "./content-disposition.ts";
import { readChunks } from "./read-once.ts";

export interface DownloadFileOptions {
  /** Start at this byte (a `Range` request), e.g. the size of a partial copy. */
  offset?: number | undefined;
  /**
   * Only download if the file has this ETag; otherwise a `PreconditionFailedError`. Give a
   * strong one: `If-Match` compares strongly (RFC 9110), so a weak `W/"…"` never matches
   * on a server that follows it.
   */
  ifMatch?: string | undefined;
  /** Called as the content arrives, whichever way it is read (`body`, `blob()`, `bytes()`, `saveTo()`). */
  onProgress?: ((progress: DownloadProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/** How far a download is: bytes of the file received so far (counted from byte 0, not from `offset`), out of its size when known. */
export interface DownloadProgress {
  loaded: number;
  total: number | undefined;
}

/** A download whose headers have arrived; read its content once, in one of four ways. */
export interface FileDownload {
  contentType: string | undefined;
  /** From `Content-Disposition`, as one file name (never a path: see the README); undefined when none is left. */
  fileName: string | undefined;
  /** The whole file's size in bytes, when the server said. */
  size: number | undefined;
  eTag: string | undefined;
  /** The byte of the file the content starts at (`offset`). */
  offset: number;
  /** The content, streamed; it resumes by itself after a dropped connection. */
  body: ReadableStream<Uint8Array>;
  blob(): Promise<Blob>;
  bytes(): Promise<Uint8Array>;
  /** Writes the content to `path` atomically (Node only). */
  saveTo(path: string): Promise<{ path: string; bytes: number }>;
}

const asAttachment: Disposition = "attachment";

/** Writes a download's content to a path: Node's `save-to-path.ts`; a browser refuses it. */
export type SaveToPath = (body: ReadableStream<Uint8Array>, path: string) => Promise<{ path: string; bytes: number }>;

/**
 * `GET /lucca-api/files/{id}` for the content, streamed in constant memory. A dropped
 * connection resumes with `Range` from the byte it broke at (see below for the validator).
 */
export async function downloadFile(context: ClientContext, saveToPath: SaveToPath, target: FileTarget, options: DownloadFileOptions = {}): Promise<FileDownload> {
  const offset = options.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new InvalidInputError("offset", `'${offset}' must be a whole number of bytes ≥ 0.`);
  checkCallback("onProgress", options.onProgress);
  const link = resolveFileTarget(target, context.options);
  const request = async (at: number, ifMatch: string | undefined, total?: number) => {
    const { data, error, response } = await context.api.GET(retrieveFileRoute.path, {
      baseUrl: link.baseUrl,
      params: {
        path: { id: link.id },
        query: { token: link.token, disposition: asAttachment },
        header: { [rangeParameter.name]: at > 0 ? `bytes=${at}-` : undefined, [ifMatchParameter.name]: ifMatch },
      },
      parseAs: "stream",
      // The guarded stream below watches the content itself: a stall resumes with `Range`
      // rather than ending in the typed calls' TimeoutError.
      ...through(context.transport, options.signal, {}),
    });
    // A 416 is `offset` at or past the file's end (a resumed request asks from a byte it has not got): a partial copy that is in fact whole, say.
    if (error !== undefined) throw createApiError(response, error, retrieveFileRoute.method, (status) => status === httpStatus.rangeNotSatisfiable ? `Check offset: ${at} is not before the file's end.` : fileReadHint(link, context.options)(status));
    // openapi-fetch gives no data for `Content-Length: 0`: a file of 0 bytes is that empty body.
    const body = data ?? response.body;
    if (!body) throw invalidResponse(response, "without content.");
    if (at > 0) checkRange(response, at, total);
    return { body, response };
  };

  const { body, response } = await request(offset, options.ifMatch);
  const headers = response.headers;
  const eTag = headers.get(eTagHeader) ?? undefined;
  const size = fullSize(response);
  const describe = () => `${retrieveFileRoute.method} ${redactUrl(response.url)}`;
  // A file's content never changes after upload: the rest of the same URL is the rest of
  // the same bytes, and the 206 is checked to start at the byte asked and to end where
  // the file did. A strong ETag still goes in If-Match as a guard; a weak one (what the
  // spec says the API gives) cannot: If-Match compares strongly (RFC 9110, 13.1.1), so a
  // server that follows it would refuse every resume with 412.
  const resumeGuard = eTag !== undefined && !eTag.startsWith("W/") ? eTag : undefined;
  const { onProgress } = options;
  // The body survives a dropped connection or a silence: the rest is asked with a `Range`
  // from the last byte received. The content is not bounded by `totalTimeout`.
  const content = guardedStream(body, {
    idleTimeout: context.options.timeout,
    totalTimeout: 0,
    startedAt: 0,
    startDeadline: context.options.startDeadline,
    signal: options.signal,
    describe,
    resume: {
      from: async (at) => (await request(at, resumeGuard, size)).body,
      max: context.options.policy.maxRetries,
      start: offset,
      logger: context.logger,
      onProgress: onProgress && ((loaded) => onProgress({ loaded, total: size })),
    },
  });
  return {
    contentType: headers.get("Content-Type") ?? undefined,
    fileName: fileNameFromContentDisposition(headers.get(contentDispositionHeader)),
    size,
    eTag,
    offset,
    body: content,
    // Typed with the answer's `Content-Type`, for `URL.createObjectURL` previews.
    blob: async () => new Blob((await readChunks(content)) as BlobPart[], { type: headers.get("Content-Type") ?? "" }),
    bytes: async () => new Uint8Array(await new Blob((await readChunks(content)) as BlobPart[]).arrayBuffer()),
    saveTo: (path) => saveToPath(content, path),
  };
}

/** A resumed request must answer 206 from the very byte asked, of a file of the same size; anything else would corrupt the copy. */
function checkRange(response: Response, at: number, total: number | undefined): void {
  const range = response.headers.get(contentRangeHeader);
  const [, start, length] = (range && /bytes\s+(\d+)-\d+\/(\d+|\*)/.exec(range)) || [];
  const sameSize = total === undefined || length === undefined || length === "*" || Number(length) === total;
  if (response.status !== httpStatus.partialContent || Number(start) !== at || !sameSize) {
    void response.body?.cancel();
    throw invalidResponse(response, `(${range ?? "no Content-Range"}) to a Range from byte ${at}; download the file from the start.`);
  }
}

function fullSize(response: Response): number | undefined {
  const range = response.headers.get(contentRangeHeader);
  const total = range ? /\/(\d+)\s*$/.exec(range)?.[1] : undefined;
  const length = total ?? response.headers.get("Content-Length");
  return length ? Number(length) : undefined;
}
