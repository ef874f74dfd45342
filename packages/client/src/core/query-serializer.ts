import { unexplodedQueryParameters } from "@lucca-api/types";

/** The query parameters the spec serializes with `explode: false`, by wire name. */
const unexploded: readonly string[] = unexplodedQueryParameters;

/**
 * Serializes a query as the spec says (OpenAPI `style: form`): an array whose parameter
 * has `explode: false` (`include`) goes comma-joined in one parameter, `include=a,b`,
 * where openapi-fetch's default would repeat it.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const key = encodeURIComponent(name);
    if (!Array.isArray(value)) {
      parts.push(`${key}=${encodeURIComponent(String(value))}`);
    } else if (unexploded.includes(name)) {
      if (value.length) parts.push(`${key}=${value.map((item) => encodeURIComponent(String(item))).join(",")}`);
    } else {
      for (const item of value) parts.push(`${key}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.join("&");
}
