/**
 * `GET /lucca-api/files/{id}` (operationId `retrieveFile`): the file object or its content.
 * `HEAD` on the same URL (`retrieveFileHeaders`) runs the same handler: Node sends the
 * status and headers of a HEAD answer and drops its body (RFC 9110, section 9.3.2).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { parameters, responseHeaders, type Disposition } from "@lucca-api/types";
import { checkIfMatch, notModified } from "./http/conditional.ts";
import { contentDisposition } from "./http/content-disposition.ts";
import { negotiate } from "./http/negotiation.ts";
import { parseRange } from "./http/range.ts";
import { sendJson } from "./http/respond.ts";
import { fileRepresentation, originOf } from "./file-representation.ts";
import type { StoredFile } from "./file-store.ts";
import { Problem } from "./problem.ts";
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
  const token = String(values[parameters.fileToken.name]);
  const verified = context.signer.verify("file+jwt", token);
  const notFound = new Problem(404, {
    detail: `No file has the id ${id}, or the ${parameters.fileToken.name} is not this file's: use the href of links.self as it is.`,
    field: parameters.fileId.name,
  });
  if (!verified.ok && verified.reason === "expired")
    throw new Problem(403, {
      detail: `The ${parameters.fileToken.name} of file ${id} has expired: take a fresh href from links.self (include=links).`,
      field: parameters.fileToken.name,
    });
  if (!verified.ok || verified.claims.sub !== id) throw notFound;
  const file = await context.store.get(id);
  if (!file) throw notFound;
  return file;
}

/** The request's `Accept`: a standard header the operation describes, not a spec parameter. */
function acceptOf(request: IncomingMessage): string | undefined {
  return request.headers.accept;
}

export async function retrieveFile(
  request: IncomingMessage,
  response: ServerResponse,
  values: ParameterValues,
  context: RouteContext,
): Promise<void> {
  const file = await authorizedFile(values, context);
  checkIfMatch(values[parameters.ifMatch.name] as string | undefined, file.etag);
  if (notModified(values[parameters.ifNoneMatch.name] as string | undefined, file.etag)) {
    response.writeHead(304, { [responseHeaders.eTag]: file.etag });
    response.end();
    return;
  }
  const representation = negotiate(
    values[parameters.disposition.name] as Disposition | undefined,
    acceptOf(request),
    file.contentType,
  );
  if (representation.kind === "json") {
    const include = (values[parameters.include.name] as string[] | undefined) ?? [];
    const origin = originOf(request, context.fallbackOrigin);
    sendJson(response, 200, fileRepresentation(file, origin, include, context), { [responseHeaders.eTag]: file.etag });
    return;
  }
  const rangeHeader = values[parameters.range.name] as string | undefined;
  const range = rangeHeader === undefined ? undefined : parseRange(rangeHeader, file.size);
  const headers: Record<string, string> = {
    "Content-Type": representation.mediaType,
    [responseHeaders.eTag]: file.etag,
    [responseHeaders.contentDisposition]: contentDisposition(representation.disposition, file.fileName),
    "Content-Security-Policy": contentSecurityPolicy,
    "Accept-Ranges": "bytes",
    "Content-Length": String(range ? range.end - range.start + 1 : file.size),
  };
  if (range) headers[responseHeaders.contentRange] = `bytes ${range.start}-${range.end}/${file.size}`;
  response.writeHead(range ? 206 : 200, headers);
  // pipeline, not pipe: a client that leaves mid-download must also close the file.
  pipeline(context.store.read(file, range), response, (error) => {
    if (error && (error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE")
      context.options.logger.error(`reading ${file.id} failed: ${error.message}`);
  });
}
