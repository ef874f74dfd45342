/** `POST /lucca-api/files` (operationId `uploadFile`). */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parameters, responseHeaders } from "@lucca-api/types";
import { evaluatePreconditions } from "./http/conditional.ts";
import { jsonMediaType } from "./http/negotiation.ts";
import { sendJson } from "./http/respond.ts";
import { checkUploadHeaders, receiveUpload } from "./multipart-upload.ts";
import { fileRepresentation, fileUrl, linkOrigin } from "./file-representation.ts";
import { representationTag } from "./representation-tag.ts";
import type { ParameterValues } from "./request-parameters.ts";
import type { RouteContext } from "./route-context.ts";

export async function uploadFile(
  request: IncomingMessage,
  response: ServerResponse,
  values: ParameterValues,
  context: RouteContext,
): Promise<void> {
  // What the headers alone refuse (413, 415) wins over the preconditions (RFC 9110, section 13.2.1).
  checkUploadHeaders(request, context.options.maxBodyBytes);
  // The file does not exist before the upload: it has no tag yet.
  evaluatePreconditions({ ifMatch: values[parameters.ifMatch.name] as string | undefined, ifNoneMatch: undefined }, undefined, "POST");
  const { pending, fileName, contentType } = await receiveUpload(request, context.store, context.options.maxBodyBytes);
  const file = await context.store.commit(pending, { fileName, contentType });
  const origin = linkOrigin(request, context);
  const include = (values[parameters.include.name] as string[] | undefined) ?? [];
  context.options.logger.info(`stored ${file.id} (${file.size} bytes, ${file.contentType})`);
  sendJson(response, 201, fileRepresentation(file, origin, include, context), {
    // The answer is the JSON representation: its tag, as GET gives it.
    [responseHeaders.eTag]: representationTag(file, jsonMediaType),
    [responseHeaders.location]: fileUrl(origin, file.id),
  });
}
