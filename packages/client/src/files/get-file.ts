import { eTagHeader, ifMatchParameter, ifNoneMatchParameter, retrieveFileRoute, type Disposition, type FileObject, type IncludeValue } from "@lucca-api/types";
import type { ClientContext } from "../core/context.ts";
import * as httpStatus from "../core/http-status.ts";
import { readJson } from "../core/read-json.ts";
import { createApiError } from "../core/create-api-error.ts";
import { through } from "../core/transport.ts";
import { resolveFileTarget, fileReadHint, type FileTarget } from "../links/file-target.ts";

export interface GetFileOptions {
  /** The ETag of your copy: when it still matches, the answer is `{ modified: false }`. */
  ifNoneMatch?: string | undefined;
  /** Only answer if the file still has this ETag; otherwise a `PreconditionFailedError`. */
  ifMatch?: string | undefined;
  include?: IncludeValue[] | undefined;
  signal?: AbortSignal | undefined;
}

/** Either the file with its ETag, or "your copy is current" (`304 Not Modified`). */
export type GetFileResult =
  | { modified: true; file: FileObject; eTag: string | undefined }
  | { modified: false; eTag: string | undefined };

const asJson: Disposition = "json";

/**
 * `GET /lucca-api/files/{id}` for the JSON representation. openapi-fetch puts a 304 in
 * `error` (as an empty string); here it becomes `{ modified: false }`.
 */
export async function getFile(context: ClientContext, target: FileTarget, options: GetFileOptions = {}): Promise<GetFileResult> {
  const link = resolveFileTarget(target, context.options);
  const { id, token, baseUrl } = link;
  const { data, error, response } = await context.api.GET(retrieveFileRoute.path, {
    baseUrl,
    params: {
      path: { id },
      query: { token, disposition: asJson, include: options.include },
      header: { [ifNoneMatchParameter.name]: options.ifNoneMatch, [ifMatchParameter.name]: options.ifMatch },
    },
    parseAs: "text",
    ...through(context.transport, options.signal, { readBody: true }),
  });
  const eTag = response.headers.get(eTagHeader) ?? undefined;
  if (response.status === httpStatus.notModified) return { modified: false, eTag };
  if (error !== undefined) throw createApiError(response, error, retrieveFileRoute.method, fileReadHint(link, context.options));
  return { modified: true, file: readJson<FileObject>(data ?? "", response, "a file object"), eTag };
}
