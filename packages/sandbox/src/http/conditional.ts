/**
 * Conditional requests (RFC 9110, section 13) on weak entity tags. Both headers use the
 * weak comparison: the API only has weak tags, and Lucca documents `If-Match` with one.
 * The API has neither dates (`If-Modified-Since`, `If-Unmodified-Since`) nor `If-Range`,
 * so section 13.2.2's order comes down to its steps 1 and 3.
 */
import { parameters } from "@lucca-api/types";
import { Problem } from "../problem.ts";

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

function matches(header: string, etag: string | undefined): boolean {
  if (header.trim() === "*") return etag !== undefined;
  if (etag === undefined) return false;
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

export interface Preconditions {
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
}

/**
 * Evaluates the preconditions against `etag`, the selected representation's tag
 * (`undefined` when the target has none yet). Call it only once the request is known to
 * succeed otherwise (section 13.2.1: a 4xx found before the preconditions wins).
 * Returns `"not-modified"` for a `GET`/`HEAD` whose `If-None-Match` matches (304); throws
 * 412 when `If-Match` fails, or when `If-None-Match` matches another method.
 */
export function evaluatePreconditions({ ifMatch, ifNoneMatch }: Preconditions, etag: string | undefined, method: string): "proceed" | "not-modified" {
  // Step 1: If-Match.
  if (ifMatch !== undefined && !matches(ifMatch, etag))
    throw new Problem(412, {
      field: parameters.ifMatch.name,
      detail:
        etag === undefined
          ? `${parameters.ifMatch.name} ${ifMatch} cannot match: the file does not exist yet. Send no ${parameters.ifMatch.name} on upload.`
          : `${parameters.ifMatch.name} ${ifMatch} does not match the current ETag ${etag}.`,
    });
  // Step 3: If-None-Match.
  if (ifNoneMatch !== undefined && matches(ifNoneMatch, etag)) {
    if (method === "GET" || method === "HEAD") return "not-modified";
    throw new Problem(412, {
      field: parameters.ifNoneMatch.name,
      detail: `${parameters.ifNoneMatch.name} ${ifNoneMatch} matches the current ETag ${etag}.`,
    });
  }
  return "proceed";
}
