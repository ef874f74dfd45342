import { unexplodedQueryParameters } from "@lucca-api/types";

/** The query parameters the spec serializes with `explode: false`, by wire name. */
const unexploded: readonly string[] = unexplodedQueryParameters;

/**
 * Serializes a query as the spec says (OpenAPI `style: form`): an array whose parameter
 * has `explode: false` (`include`) goes comma-joined in one parameter, `include=a,b`,
 * where openapi-fetch's default would repeat it.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  let serialized = "";
  // Every request comes here: a plain loop, no intermediate arrays.
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const key = encodeURIComponent(name);
    let part: string;
    if (!Array.isArray(value)) part = `${key}=${encodeURIComponent(String(value))}`;
    else if (!value.length) continue;
    else if (unexploded.includes(name)) part = `${key}=${value.map((item) => encodeURIComponent(String(item))).join(",")}`;
    else part = value.map((item) => `${key}=${encodeURIComponent(String(item))}`).join("&");
    serialized += serialized ? `&${part}` : part;
  }
  return serialized;
}
