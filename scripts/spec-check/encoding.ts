/**
 * Reading an Encoding Object (OpenAPI 3.1, 4.8.15): what a multipart or form part is
 * sent (or read) as. Its `contentType` is a comma-separated list of media types and
 * ranges (`image/png, image/*`); left out, it defaults by the part's schema (4.8.15.1:
 * `application/json` for an object, the items' default for an array,
 * `application/octet-stream` otherwise). `style`, `explode` and `allowReserved` say how
 * a part of a form body is serialized, with the defaults of a query parameter (`form`,
 * exploded, reserved characters escaped).
 */
import { deref, type Json } from "./document.ts";

/** The media types whose parts `style`, `explode` and `allowReserved` apply to (4.8.15.1, as 3.1.1 reads it). */
export const FORM_MEDIA_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export interface AcceptedMediaTypes {
  /** Each media type or range, lower-cased, parameters left out. */
  types: string[];
  /** True when the encoding gives no `contentType` and the types are the default. */
  byDefault: boolean;
}

/** `Image/PNG; q=1` -> `image/png`. */
function normalized(mediaType: string): string {
  return mediaType.split(";")[0]!.trim().toLowerCase();
}

/** The default content type of a part described by `schema` (OpenAPI 3.1, 4.8.15.1). */
function defaultContentType(document: Json, schema: Json, depth = 0): string {
  const part = deref(document, schema);
  if (depth < 8 && part?.type === "array") return defaultContentType(document, part.items, depth + 1);
  return part?.type === "object" ? "application/json" : "application/octet-stream";
}

/** What a part accepts (or may come as): its encoding's `contentType`, or the default for its schema. */
export function acceptedMediaTypes(document: Json, mediaTypeObject: Json, part: string): AcceptedMediaTypes {
  const encoding = deref(document, mediaTypeObject?.encoding?.[part]);
  if (typeof encoding?.contentType === "string") {
    const types = encoding.contentType.split(",").map(normalized).filter((type: string) => type !== "");
    return { types: [...new Set<string>(types)], byDefault: false };
  }
  const schema = deref(document, mediaTypeObject?.schema)?.properties?.[part];
  return { types: [defaultContentType(document, schema)], byDefault: true };
}

/** True when the body's schema has the part, or lists no properties to tell: an encoding for a part that is new breaks nobody. */
export function hasPart(document: Json, mediaTypeObject: Json, part: string): boolean {
  const properties = deref(document, mediaTypeObject?.schema)?.properties;
  return !properties || typeof properties !== "object" || part in properties;
}

/** True when `range` (`*\/*`, `image/*` or a media type) takes in every value `type` stands for. */
export function covers(range: string, type: string): boolean {
  if (range === type || range === "*/*") return true;
  const [rangeType, rangeSubtype] = range.split("/");
  return rangeSubtype === "*" && type.split("/")[0] === rangeType;
}

/** The entries of `before` that no entry of `after` covers: what a list no longer takes in. */
export function uncovered(before: string[], after: string[]): string[] {
  return before.filter((type) => !after.some((range) => covers(range, type)));
}

/** The names of the part's headers marked `required: true`. */
export function requiredHeaders(document: Json, encoding: Json): string[] {
  const headers = deref(document, deref(document, encoding)?.headers) ?? {};
  return Object.keys(headers).filter((name) => deref(document, headers[name])?.required === true);
}

export interface Serialization {
  style: string;
  explode: boolean;
  allowReserved: boolean;
}

/** How a form part is serialized, defaults filled in: `explode` defaults to true for `style: form` only. */
export function serialization(document: Json, encoding: Json): Serialization {
  const given = deref(document, encoding) ?? {};
  const style = typeof given.style === "string" ? given.style : "form";
  return {
    style,
    explode: typeof given.explode === "boolean" ? given.explode : style === "form",
    allowReserved: given.allowReserved === true,
  };
}
