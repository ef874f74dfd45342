/** `POST /lucca-api/files` (operationId `uploadFile`). */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parameters, responseHeaders } from "@lucca-api/types";
import { checkIfMatch } from "./http/conditional.ts";
import { sendJson } from "./http/respond.ts";
import { checkUploadHeaders, receiveUpload } from "./multipart-upload.ts";
import { fileRepresentation, fileUrl, originOf } from "./file-representation.ts";
import type { ParameterValues } from "./request-parameters.ts";
import type { RouteContext } from "./route-context.ts";

export async function uploadFile(
  request: IncomingMessage,
  response: ServerResponse,
  values: ParameterValues,
  context: RouteContext,
): Promise<void> {
  checkIfMatch(values[parameters.ifMatch.name] as string | undefined, undefined);
  checkUploadHeaders(request, context.options.maxBodyBytes);
  const { pending, fileName, contentType } = await receiveUpload(request, context.store, context.options.maxBodyBytes);
  const file = await context.store.commit(pending, { fileName, contentType });
  const origin = originOf(request, context.fallbackOrigin);
  const include = (values[parameters.include.name] as string[] | undefined) ?? [];
  context.options.logger.info(`stored ${file.id} (${file.size} bytes, ${file.contentType})`);
  sendJson(response, 201, fileRepresentation(file, origin, include, context), {
    [responseHeaders.eTag]: file.etag,
    [responseHeaders.location]: fileUrl(origin, file.id),
  });
}
