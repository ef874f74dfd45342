/** `Vary` (RFC 9110, section 12.5.5), built up by whoever makes the answer depend on a header. */
import type { ServerResponse } from "node:http";
import { responseHeaders } from "@lucca-api/types";

/** Adds `field` to the answer's `Vary`, keeping what is there (CORS adds `Origin`). */
export function varyOn(response: ServerResponse, field: string): void {
  const current = String(response.getHeader(responseHeaders.vary) ?? "");
  const fields = current.split(",").map((name) => name.trim()).filter(Boolean);
  if (!fields.some((name) => name.toLowerCase() === field.toLowerCase())) fields.push(field);
  response.setHeader(responseHeaders.vary, fields.join(", "));
}
