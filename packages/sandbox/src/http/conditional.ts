/**
 * Conditional requests (RFC 9110, section 13) on the file's weak ETag. Both headers use
 * the weak comparison: the API only has weak tags, and Lucca documents `If-Match` with one.
 */
import { parameters } from "@lucca-api/types";
import { Problem } from "../problem.ts";

const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

function matches(header: string, etag: string | undefined): boolean {
  if (header.trim() === "*") return etag !== undefined;
  if (etag === undefined) return false;
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** Throws 412 when `If-Match` fails; a request about a file that does not exist yet never matches. */
export function checkIfMatch(ifMatch: string | undefined, etag: string | undefined): void {
  if (ifMatch !== undefined && !matches(ifMatch, etag))
    throw new Problem(412, {
      field: parameters.ifMatch.name,
      detail:
        etag === undefined
          ? `${parameters.ifMatch.name} ${ifMatch} cannot match: the file does not exist yet. Send no ${parameters.ifMatch.name} on upload.`
          : `${parameters.ifMatch.name} ${ifMatch} does not match the current ETag ${etag}.`,
    });
}

/** True when `If-None-Match` matches, i.e. the client's copy is current (304). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  return ifNoneMatch !== undefined && matches(ifNoneMatch, etag);
}
