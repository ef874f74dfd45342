import { uploadFileRoute } from "@lucca-api/types";

/** What every path of the API starts with (`/lucca-api`), as the spec writes its paths. */
export const apiPrefix = uploadFileRoute.path.slice(0, uploadFileRoute.path.indexOf("/", 1));

/**
 * The fix for a 404 of a request built on `baseUrl`: that it does not serve the API, and,
 * when it ends with the API's prefix (as Lucca's docs show every path), that the client
 * adds the prefix itself, so the request went to `/lucca-api/lucca-api/…`. Such a
 * `baseUrl` is not refused up front: a gateway may mount the API at `/lucca-api`.
 */
export const baseUrlHint = (baseUrl: string): string => `Check baseUrl: '${baseUrl}' does not serve the API${baseUrl.endsWith(apiPrefix) ? ` (the client adds ${apiPrefix} itself)` : ""}.`;
