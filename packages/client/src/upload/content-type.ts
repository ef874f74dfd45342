import { contentTypes, type ContentType } from "@lucca-api/types";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { contentTypeAliases, unknownContentType } from "./content-type-aliases.ts";

export { contentTypeAliases, unknownContentType };

/** Media types compare case-insensitively (RFC 9110, 8.3.1); the spec's spelling is what is sent. */
const accepted: ReadonlyMap<string, ContentType> = new Map(contentTypes.map((type) => [type.toLowerCase(), type]));

/**
 * Checks a content type the caller chose against the spec's accepted values, before any
 * request: `image/jpeg` is refused with "send 'image/jpg'".
 */
export function checkContentType(value: string): ContentType {
  const normalized = value.split(";")[0]!.trim().toLowerCase();
  const known = accepted.get(normalized);
  if (known) return known;
  const alias = contentTypeAliases[normalized];
  throw new InvalidInputError("contentType", `'${value}' is not accepted by the API; pass ${alias ? `'${alias}'` : `one of the spec's FileContentType values, e.g. ${contentTypes.slice(0, 4).join(", ")}`}.`);
}

/**
 * The type of an upload that names none: the Blob's own type when the API accepts it
 * (or its accepted alias), else the file name's extension, else `binary/octet-stream`.
 * A Blob labelled with the generic octet-stream (what a server says when it does not
 * know) says less than a `.pdf` name, so there the extension wins.
 */
export function inferContentType(blobType: string | undefined, fileName: string, extensionTypes: Readonly<Record<string, ContentType>>): ContentType {
  const fromBlob = blobType?.split(";")[0]?.trim().toLowerCase();
  const known = fromBlob ? (accepted.get(fromBlob) ?? contentTypeAliases[fromBlob]) : undefined;
  if (known && known !== unknownContentType) return known;
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (extension && extensionTypes[extension]) || unknownContentType;
}

/** Node's choice of an upload's type: the caller's, checked; else inferred, with the extension table. */
export const checkedContentType =
  (extensionTypes: Readonly<Record<string, ContentType>>) =>
  (given: string | undefined, blobType: string | undefined, fileName: string): ContentType =>
    given !== undefined ? checkContentType(given) : inferContentType(blobType, fileName, extensionTypes);
