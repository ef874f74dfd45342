/**
 * One entity tag per representation of a file (RFC 9110, section 8.8.3): the JSON, the
 * content in its own type and the content as `application/octet-stream` are different
 * representations of the same URL, so a cache holding one can never revalidate it as
 * another. Each tag is the content's hash marked with the media type sent.
 */
import type { StoredFile } from "./file-store.ts";

/** `W/"<content hash>:<media type>"`, e.g. `W/"q5sd4w2x1c1gfdg:application/json"`. */
export function representationTag(file: StoredFile, mediaType: string): string {
  const hash = file.etag.replace(/^W\/"(.*)"$/, "$1");
  return `W/"${hash}:${mediaType.toLowerCase()}"`;
}
