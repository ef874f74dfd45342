import type { ContentType } from "@lucca-api/types";
import { InvalidInputError } from "../errors/invalid-input-error.ts";

/**
 * Common spellings the API does not accept, with the accepted one to send instead.
 * Browsers label a JPEG `image/jpeg`; the API's list only has `image/jpg`.
 */
export const contentTypeAliases: Readonly<Record<string, ContentType>> = {
  "image/jpeg": "image/jpg",
  "application/octet-stream": "binary/octet-stream",
  "application/x-zip": "application/zip",
  "application/vnd.rar": "application/x-rar",
  "text/javascript": "application/javascript",
  "audio/mp3": "audio/mpeg",
};

/** What an upload is sent as when neither its name nor its type says more. */
export const unknownContentType: ContentType = "binary/octet-stream";

/**
 * A browser's choice of an upload's type, without the spec's list of 93 accepted types
 * (0.75 KiB of the browser bundle; see the README's *In a browser*): the caller's type,
 * else the File's own, in the API's spelling when it is a known alias (`image/jpeg`
 * goes as `image/jpg`, where Node refuses a given alias); a Blob without a type goes as
 * `binary/octet-stream`. The API refuses a type it does not accept (400); an empty
 * `contentType` is refused here, as on Node.
 */
export function browserContentType(given: string | undefined, blobType: string | undefined): ContentType {
  const type = (given ?? blobType)?.split(";")[0]!.trim();
  if (given !== undefined && !type) throw new InvalidInputError("contentType", `'${given}' is not accepted by the API; pass a type it accepts, e.g. '${unknownContentType}'.`);
  return ((type && (contentTypeAliases[type.toLowerCase()] ?? type)) || unknownContentType) as ContentType;
}
