import type { ApiVersion, JsonPaths, parameters } from "@lucca-api/types";

/** `Api-Version`, as the spec names it. */
type ApiVersionHeader = (typeof parameters)["apiVersion"]["name"];

type RelaxHeader<Header> = Omit<Header, ApiVersionHeader> & { [Name in ApiVersionHeader]?: ApiVersion };

type RelaxParameters<Parameters> = Parameters extends { header: infer Header }
  ? Omit<Parameters, "header"> & { header?: RelaxHeader<Header> }
  : Parameters;

type RelaxOperation<Operation> = Operation extends { parameters: infer Parameters }
  ? Omit<Operation, "parameters"> & { parameters: RelaxParameters<Parameters> }
  : Operation;

/**
 * The spec's paths as a JSON-parsing client reads them (`JsonPaths` of
 * @lucca-api/types: a typed `GET` of a file is a `FileObject`, not a union with the
 * content's `Blob`), with one change: the `Api-Version` header, required by the spec on
 * every operation, is optional at call sites because the client always sends it (the
 * `apiVersion` option). openapi-fetch would otherwise demand it on each call.
 */
export type ClientPaths = {
  [Path in keyof JsonPaths]: { [Method in keyof JsonPaths[Path]]: RelaxOperation<JsonPaths[Path][Method]> };
};

/**
 * The media types whose bodies `data` is typed with: JSON. The content is read with
 * `parseAs: "stream"` (or `downloadFile`), which openapi-fetch types by itself.
 */
export type JsonMediaType = `${string}/json`;
