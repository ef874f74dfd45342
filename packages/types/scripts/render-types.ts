/** Renders the spec's TypeScript types with openapi-typescript. */
import { createRequire } from "node:module";
import type * as OpenApiTypeScript from "openapi-typescript";
import { ts } from "./typescript-compiler.ts";
import { generatedHeader } from "./generated-header.ts";
import { markOptionalHeaderRefs } from "./optional-header-refs.ts";

/**
 * Required, not imported, as TypeScript is (typescript-compiler.ts says why): openapi-typescript's
 * ES build imports TypeScript, which would undo that; its CommonJS build requires it. Both
 * builds come from one source, and render the committed files byte for byte (the drift check).
 */
const { default: openapiTS, astToString }: typeof OpenApiTypeScript = createRequire(import.meta.url)("openapi-typescript");

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

/*
 * Open lists (`ApiVersion`'s `x-extensible-enum`, a response's `contentType` as
 * `anyOf: [FileContentType, string]`) are left as openapi-typescript renders them, a union
 * that TypeScript reads as `string`. The `Known | (string & {})` idiom would keep editor
 * completion, but openapi-fetch maps `data` through `Readable<T>`, which turns
 * `string & {}` into an object of String methods that no `string` accepts.
 */
export async function renderTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as never, {
    // openapi-typescript types `format: binary` as string; uploads and downloads are Blobs.
    transform(schemaObject) {
      if ("format" in schemaObject && schemaObject.format === "binary") {
        const nullable = "nullable" in schemaObject && schemaObject.nullable;
        return nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
      }
      return undefined;
    },
  });
  return generatedHeader + "\n" + astToString(markOptionalHeaderRefs(ast, document));
}
