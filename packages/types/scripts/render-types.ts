/** Renders the spec's TypeScript types with openapi-typescript. */
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { generatedHeader } from "./generated-header.ts";

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

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
  return generatedHeader + "\n" + astToString(ast);
}
