/**
 * @lucca-api/types: everything here is generated from spec/ (see src/generated/).
 * `paths`, `components` and `operations` are the openapi-typescript types; the
 * constants are the API facts (versions, content types, paths, header names, limits)
 * that code needs at run time.
 */
export type { paths, components, operations, webhooks, $defs } from "./generated/openapi.ts";
export * from "./generated/constants.ts";

import type { components } from "./generated/openapi.ts";
/** The JSON representation of a file. */
export type File = components["schemas"]["File"];
/** An RFC 7807 error body. */
export type ProblemDetails = components["schemas"]["ProblemDetails"];
/** A link to a related resource, as `include=links` gives them. */
export type Link = components["schemas"]["Link"];
