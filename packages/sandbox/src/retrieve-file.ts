/**
 * `GET /lucca-api/files/{id}` (operationId `retrieveFile`): the file object or its content.
 * `HEAD` on the same URL (`retrieveFileHeaders`) runs the same handler, which sends the
 * status and headers and no body (RFC 9110, section 9.3.2).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { parameters, responseHeaders, type Disposition } from "@lucca-api/types";
import { evaluatePreconditions } from "./http/conditional.ts";
import { contentDisposition } from "./http/content-disposition.ts";
import { acceptHeader, jsonMediaType, negotiate } from "./http/negotiation.ts";
import { parseRange } from "./http/range.ts";
import { sendJson } from "./http/respond.ts";
import { varyOn } from "./http/vary.ts";
import { fileRepresentation, linkOrigin } from "./file-representation.ts";
import { representationTag } from "./representation-tag.ts";
import type { StoredFile } from "./file-store.ts";
import { echoed, Problem } from "./problem.ts";
import type { ParameterValues } from "./request-parameters.ts";
import type { RouteContext } from "./route-context.ts";

/**
 * Content is never interpreted by the browser in the API's origin: HTML and SVG in
 * particular run in a sandbox with nothing allowed.
 */
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** The file whose id and token the request carries, or 404/403. */
async function authorizedFile(values: ParameterValues, context: RouteContext): Promise<StoredFile> {
  const id = String(values[parameters.fileId.name]).toLowerCase();
  const shownId = echoed(id);
  const token = String(values[parameters.fileToken.name]);
  const verified = context.signer.verify("file+jwt", token);
  const notFound = new Problem(404, {
    detail: `No file has the id ${shownId}, or the ${parameters.fileToken.name} is not this file's: use the href of links.self as it is.`,
    field: parameters.fileId.name,
  });
  if (!verified.ok && verified.reason === "expired")
    throw new Problem(403, {
      detail: `The ${parameters.fileToken.name} of file ${shownId} has expired: take a fresh href from links.self (include=links).`,
      field: parameters.fileToken.name,
    });
  if (!verified.ok || verified.claims.sub !== id) throw notFound;
  const file = await context.store.get(id);
  if (!file) throw notFound;
  return file;
}

/**
 * RFC 9110's order: the file (404, 403), the representation (406) and the range (416)
 * first, since a failure found before the preconditions wins over them (section 13.2.1);
 * then `If-Match` and `If-None-Match` (section 13.2.2) against the tag of the selected
 * representation; then the answer. `HEAD` gets the same status and headers, no body.
 */
export async function retrieveFile(
  request: IncomingMessage,
  response: ServerResponse,
  values: ParameterValues,
  context: RouteContext,
): Promise<void> {
  const file = await authorizedFile(values, context);
  const disposition = values[parameters.disposition.name] as Disposition | undefined;
  // Without `disposition`, `Accept` chooses: a cache must key on it too.
  if (disposition === undefined) varyOn(response, acceptHeader);
  const representation = negotiate(disposition, request.headers.accept, file.contentType);
  const mediaType = representation.kind === "json" ? jsonMediaType : representation.mediaType;
  const etag = representationTag(file, mediaType);
  const rangeHeader = values[parameters.range.name] as string | undefined;
  // Range is ignored for the JSON (RFC 9110, section 14.2: a server may ignore it).
  const range = representation.kind === "content" && rangeHeader !== undefined ? parseRange(rangeHeader, file.size) : undefined;
  const preconditions = {
    ifMatch: values[parameters.ifMatch.name] as string | undefined,
    ifNoneMatch: values[parameters.ifNoneMatch.name] as string | undefined,
  };
  if (evaluatePreconditions(preconditions, etag, request.method ?? "GET") === "not-modified") {
    response.writeHead(304, { [responseHeaders.eTag]: etag });
    response.end();
    return;
  }
  if (representation.kind === "json") {
    const include = (values[parameters.include.name] as string[] | undefined) ?? [];
    sendJson(response, 200, fileRepresentation(file, linkOrigin(request, context), include, context), { [responseHeaders.eTag]: etag });
    return;
  }
  const headers: Record<string, string> = {
    "Content-Type": representation.mediaType,
    [responseHeaders.eTag]: etag,
    [responseHeaders.contentDisposition]: contentDisposition(representation.disposition, file.fileName),
    "Content-Security-Policy": contentSecurityPolicy,
    "Accept-Ranges": "bytes",
    "Content-Length": String(range ? range.end - range.start + 1 : file.size),
  };
  if (range) headers[responseHeaders.contentRange] = `bytes ${range.start}-${range.end}/${file.size}`;
  response.writeHead(range ? 206 : 200, headers);
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  // pipeline, not pipe: a client that leaves mid-download must also close the file.
  pipeline(context.store.read(file, range), response, (error) => {
    if (error && (error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE")
      context.options.logger.error(`reading ${file.id} failed: ${error.message}`);
  });
}
