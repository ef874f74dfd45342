import { blobSource, isAsyncIterable, isPath, unknownSource, type OpenPath, type PreparedSource, type UploadSource } from "./upload-source.ts";
import { uploadFileRoute } from "@lucca-api/types";
import type { MultipartFraming } from "./multipart-body.ts";
import type { MultipartBody, UploadPart } from "./upload-file.ts";

/** The one part of the upload's multipart body, as the spec names it. */
const [partName = ""] = uploadFileRoute.requestParts;

/**
 * The source as a Blob, for a platform that sends one (a browser streams request bodies
 * only over HTTP/2): a stream is read into memory first. Re-readable, so re-sent on a retry.
 */
export async function bufferSource(source: UploadSource, openPath: OpenPath): Promise<PreparedSource> {
  const blob = blobSource(source);
  if (blob) return blob;
  if (isPath(source)) return openPath(source.path);
  let whole: Blob;
  if (typeof ReadableStream !== "undefined" && source instanceof ReadableStream) whole = await new Response(source).blob();
  else if (isAsyncIterable(source)) {
    const parts: BlobPart[] = [];
    for await (const chunk of source) parts.push(chunk as BlobPart);
    whole = new Blob(parts);
  } else throw unknownSource();
  // A Blob made here has no name and no type: the caller's options give them.
  return blobSource(whole)!;
}

/** One attempt's body where it is sent whole: the framing around the Blob. Progress is only the final event. */
export const blobBody = (prepared: PreparedSource, framing: MultipartFraming): Blob =>
  new Blob([framing.head as BlobPart, (prepared as { blob: Blob }).blob, framing.tail as BlobPart]);

/**
 * A browser's multipart body: a FormData, which the browser frames itself (boundary, the
 * file name's encoding) and measures (`Content-Type`, `Content-Length`), so the client's
 * check before sending counts the file alone. A Blob's size is known: progress is only
 * the final event. The same FormData goes again on a retry.
 */
export function formDataBody({ prepared, fileName, contentType, size }: UploadPart): MultipartBody {
  const form = new FormData();
  form.append(partName, new Blob([(prepared as { blob: Blob }).blob], { type: contentType }), fileName);
  return { contentType: undefined, framingBytes: 0, oneShot: false, create: () => form, sent: () => size! };
}
