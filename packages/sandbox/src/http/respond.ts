/** Writing JSON and problem answers. */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { problemMediaType } from "@lucca-api/types";
import { maxEchoedChars, titleOf, type Problem } from "../problem.ts";

/** A W3C trace-context id, the shape the spec's `traceId` example has. */
export function newTraceId(): string {
  return `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-01`;
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  mediaType = "application/json",
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    "Content-Type": `${mediaType}; charset=utf-8`,
    "Content-Length": String(Buffer.byteLength(text)),
  });
  response.end(text);
}

/**
 * The `instance` of a refusal: the request's path, cut after `maxEchoedChars` (a 7,000
 * character id is in the path). Cut with `...`, not `…`: `instance` is a URI reference, and
 * a cut never splits a percent-escape.
 */
export function instanceOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  if (path.length <= maxEchoedChars) return path;
  return `${path.slice(0, maxEchoedChars).replace(/%[0-9A-Fa-f]?$/, "")}...`;
}

export function sendProblem(request: IncomingMessage, response: ServerResponse, problem: Problem): void {
  const path = instanceOf(request.url);
  // The status line names the status as the body's title does (Node 20 says "Payload Too Large" for 413).
  response.statusMessage = titleOf(problem.status);
  sendJson(response, problem.status, problem.toBody(path, newTraceId()), problem.headers, problemMediaType);
}
