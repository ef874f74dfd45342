/**
 * @lucca-api/types: everything here is generated from spec/ (see src/generated/).
 * `paths`, `components` and `operations` are the openapi-typescript types; the
 * constants are the API facts (versions, content types, paths, header names, limits)
 * that code needs at run time.
 */
export type { paths, components, operations, webhooks, $defs } from "./generated/openapi.ts";
export * from "./generated/constants.ts";

import type { components } from "./generated/openapi.ts";
import type { KnownApiVersion } from "./generated/constants.ts";
type GeneratedFileObject = components["schemas"]["FileObject"];
/**
 * The JSON representation of a file. Named `FileObject`, not `File`, so that it does not
 * shadow the platform's `File` (the Blob that uploads take). Its `contentType` is open
 * (any string parses), and this type still offers the known values to the editor:
 * `ContentType | (string & {})`, where the generated type reads as plain `string`.
 */
export type FileObject = Omit<GeneratedFileObject, "contentType"> & {
  contentType: components["schemas"]["FileContentType"] | (string & {});
};
/**
 * An `Api-Version`: one of the known versions (the editor offers them), or any later
 * `YYYY-MM-DD` date, which the API resolves to the closest earlier version.
 */
export type ApiVersion = KnownApiVersion | (string & {});
/** An RFC 7807 error body. */
export type ProblemDetails = components["schemas"]["ProblemDetails"];
/** A link to a related resource, as `include=links` gives them. */
export type Link = components["schemas"]["Link"];

import type { paths } from "./generated/openapi.ts";

/** A media type openapi-fetch parses as JSON by default. */
type JsonMediaType = `${string}/json`;
/** openapi-fetch's success statuses (`OkStatus`), whose bodies become `data`. */
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | 207 | "2XX";

type JsonKeys<Content> = Extract<keyof Content, JsonMediaType>;
/** A success answer with a body but no JSON media type, such as the content's `206`. */
type IsBodyWithoutJson<Response> = Response extends { content: infer Content } ? ([JsonKeys<Content>] extends [never] ? true : false) : false;
type OnlyJsonContent<Response> = Response extends { content: infer Content }
  ? Omit<Response, "content"> & { content: Pick<Content, JsonKeys<Content>> }
  : Response;
type JsonResponses<Responses> = {
  [Status in keyof Responses as Status extends SuccessStatus ? (IsBodyWithoutJson<Responses[Status]> extends true ? never : Status) : Status]: Status extends SuccessStatus
    ? OnlyJsonContent<Responses[Status]>
    : Responses[Status];
};
type JsonOperation<Operation> = Operation extends { responses: infer Responses }
  ? Omit<Operation, "responses"> & { responses: JsonResponses<Responses> }
  : Operation;

/**
 * The spec's `paths` as a JSON-parsing client reads them: success answers keep only
 * their JSON media types, and those without any (the content's `206`, asked with
 * `Range`) are left out. With it, openapi-fetch types the `data` of
 * `GET /lucca-api/files/{id}` as a `FileObject`, not `FileObject | Blob`; content is read
 * with `parseAs: "blob"` or `"stream"`, which openapi-fetch types by itself.
 * Requests and error answers are the spec's, unchanged.
 */
export type JsonPaths = {
  [Path in keyof paths]: { [Method in keyof paths[Path]]: JsonOperation<paths[Path][Method]> };
};
