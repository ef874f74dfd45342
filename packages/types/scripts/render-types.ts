/** Renders the spec's TypeScript types with openapi-typescript. */
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { generatedHeader } from "./generated-header.ts";
import { markOptionalHeaderRefs } from "./optional-header-refs.ts";

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
