import type { ApiVersion, JsonPaths, parameters } from "@lucca-api/types";

/** `Api-Version`, as the spec names it. */
type ApiVersionHeader = (typeof parameters)["apiVersion"]["name"];

/**
 * Each optional property also takes `undefined`, which openapi-fetch leaves out of the
 * request: a caller under `exactOptionalPropertyTypes` can then pass `{ include: maybe }`.
 */
type OptionalAcceptsUndefined<Object> = { [Key in keyof Object]: Object[Key] | ({} extends Pick<Object, Key> ? undefined : never) };

type RelaxHeader<Header> = OptionalAcceptsUndefined<Omit<Header, ApiVersionHeader> & { [Name in ApiVersionHeader]?: ApiVersion }>;

type RelaxParameters<Parameters> = {
  [Location in keyof Parameters]: Location extends "header" ? never : OptionalAcceptsUndefined<Parameters[Location]>;
} extends infer Relaxed
  ? Parameters extends { header: infer Header }
    ? Omit<Relaxed, "header"> & { header?: RelaxHeader<Header> | undefined }
    : Relaxed
  : never;

type RelaxOperation<Operation> = Operation extends { parameters: infer Parameters }
  ? Omit<Operation, "parameters"> & { parameters: RelaxParameters<Parameters> }
  : Operation;

/**
 * The spec's paths as a JSON-parsing client reads them (`JsonPaths` of
 * @lucca-api/types: a typed `GET` of a file is a `FileObject`, not a union with the
 * content's `Blob`), with two changes: the `Api-Version` header, required by the spec on
 * every operation, is optional at call sites because the client always sends it (the
 * `apiVersion` option), where openapi-fetch would otherwise demand it on each call; and
 * an optional parameter also takes `undefined`.
 */
export type ClientPaths = {
  [Path in keyof JsonPaths]: { [Method in keyof JsonPaths[Path]]: RelaxOperation<JsonPaths[Path][Method]> };
};

/**
 * The media types whose bodies `data` is typed with: JSON. The content is read with
 * `parseAs: "stream"` (or `downloadFile`), which openapi-fetch types by itself.
 */
export type JsonMediaType = `${string}/json`;
