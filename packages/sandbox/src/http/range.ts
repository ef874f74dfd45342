/**
 * A single byte range (RFC 9110, section 14.1.2), so an interrupted download can resume.
 * The header's syntax is checked by the spec's pattern before this runs.
 */
import { parameters } from "@lucca-api/types";
import { echoed, Problem } from "../problem.ts";

export interface ByteRange {
  start: number;
  end: number;
}

function unsatisfiable(header: string, size: number): Problem {
  return new Problem(416, {
    field: parameters.range.name,
    detail: `The ${parameters.range.name} ${echoed(header)} is outside the content (${size} bytes).`,
    headers: { "Content-Range": `bytes */${size}` },
  });
}

export function parseRange(header: string, size: number): ByteRange {
  const [, first = "", last = ""] = /^bytes=(\d*)-(\d*)$/.exec(header.trim()) ?? [];
  if (size === 0 || (first === "" && last === "")) throw unsatisfiable(header, size);
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0) throw unsatisfiable(header, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) throw unsatisfiable(header, size);
  return { start, end };
}
