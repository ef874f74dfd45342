/**
 * CORS for browser clients on loopback origins (a page served by another local port, or
 * on a `*.localhost` name).
 * The allowed methods are the spec's operations', the allowed request headers its header
 * parameters plus what every call sends; the exposed ones are its response headers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { endpoints, parameters, responseHeaders } from "@lucca-api/types";
import { isLoopbackName } from "./host-names.ts";
import { varyOn } from "./vary.ts";

const allowedHeaders = [
  "Authorization",
  "Content-Type",
  ...Object.values(parameters)
    .filter((parameter) => parameter.in === "header")
    .map((parameter) => parameter.name),
].join(", ");

/** The spec's operations' methods, and the preflight's own. */
const allowedMethods = [...new Set([...Object.values(endpoints).map((endpoint) => endpoint.method), "OPTIONS"])].join(", ");

const exposedHeaders = [...Object.values(responseHeaders), "Content-Length", "WWW-Authenticate"].join(", ");

/** True for an http(s) origin on a loopback name: `localhost` and `*.localhost`, `127.x.x.x`, `[::1]`, any port. */
export function isLocalOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && isLoopbackName(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Adds the CORS headers a local origin needs. Returns true when the request was a
 * preflight, answered here.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse): boolean {
  const origin = request.headers.origin;
  varyOn(response, "Origin");
  if (!origin || !isLocalOrigin(origin)) return false;
  response.setHeader("Access-Control-Allow-Origin", origin);
  response.setHeader("Access-Control-Expose-Headers", exposedHeaders);
  const preflight = request.method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined;
  if (!preflight) return false;
  response.writeHead(204, {
    "Access-Control-Allow-Methods": allowedMethods,
    "Access-Control-Allow-Headers": allowedHeaders,
    "Access-Control-Max-Age": "600",
    "Content-Length": "0",
  });
  response.end();
  return true;
}
