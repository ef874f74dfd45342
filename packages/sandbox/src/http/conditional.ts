/**
 * Conditional requests (RFC 9110, section 13). `If-None-Match` uses the weak comparison
 * and `If-Match` the strong one (section 13.1.1 and 13.1.2): a weak entity tag never
 * matches in `If-Match`, not even the current one. The API only gives weak tags, so
 * `If-Match` passes only as `*` (the file exists); a client that sends a tag there meets
 * here the 412 a strict server gives. The API has neither dates (`If-Modified-Since`,
 * `If-Unmodified-Since`) nor `If-Range`, so section 13.2.2's order comes down to its
 * steps 1 and 3.
 */
import { parameters } from "@lucca-api/types";
import { echoed, Problem } from "../problem.ts";

const tagsOf = (header: string) => header.split(",").map((tag) => tag.trim());
const isWeak = (tag: string) => tag.startsWith("W/");
const opaque = (tag: string) => tag.replace(/^W\//, "");

/** Section 8.8.3.2: weak comparison, the opaque tags alone. */
function weakMatch(header: string, etag: string | undefined): boolean {
  if (header.trim() === "*") return etag !== undefined;
  if (etag === undefined) return false;
  return tagsOf(header).some((tag) => opaque(tag) === opaque(etag));
}

/** Section 8.8.3.2: strong comparison, both tags strong and equal. */
function strongMatch(header: string, etag: string | undefined): boolean {
  if (header.trim() === "*") return etag !== undefined;
  if (etag === undefined || isWeak(etag)) return false;
  return tagsOf(header).some((tag) => !isWeak(tag) && tag === etag);
}

/** Why `If-Match` failed, and what to send instead. */
function ifMatchFailure(ifMatch: string, etag: string | undefined): string {
  const name = parameters.ifMatch.name;
  const sent = echoed(ifMatch);
  if (etag === undefined) return `${name} ${sent} cannot match: the file does not exist yet. Send no ${name} on upload.`;
  if (tagsOf(ifMatch).some(isWeak))
    return `${name} ${sent} holds a weak entity tag, and ${name} uses the strong comparison (RFC 9110, section 13.1.1): a weak tag never matches, not even the current ETag ${etag}. Send ${name}: * to require only that the file exists, or no ${name}.`;
  if (isWeak(etag))
    return `${name} ${sent} does not match: the current ETag ${etag} is weak, and ${name} uses the strong comparison (RFC 9110, section 13.1.1), so only ${name}: * can match it. Send ${name}: * to require only that the file exists, or no ${name}.`;
  return `${name} ${sent} does not match the current ETag ${etag}.`;
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
  if (ifMatch !== undefined && !strongMatch(ifMatch, etag)) throw new Problem(412, { field: parameters.ifMatch.name, detail: ifMatchFailure(ifMatch, etag) });
  // Step 3: If-None-Match.
  if (ifNoneMatch !== undefined && weakMatch(ifNoneMatch, etag)) {
    if (method === "GET" || method === "HEAD") return "not-modified";
    throw new Problem(412, {
      field: parameters.ifNoneMatch.name,
      detail: `${parameters.ifNoneMatch.name} ${echoed(ifNoneMatch)} matches the current ETag ${etag}.`,
    });
  }
  return "proceed";
}
