/**
 * Ajv validators for the schemas of a bundled spec: the components become one schema
 * document, so that `#/components/...` references resolve. OpenAPI 3.1 schemas are JSON
 * Schema 2020-12; unknown keywords (`x-…`, `example`) are allowed, formats are checked.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import type { Json } from "./document.ts";

export type SchemaValidator = (schema: Json) => ValidateFunction;

export function schemaValidator(document: Json): { ajv: Ajv2020; compile: SchemaValidator } {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajvFormats.default(ajv);
  ajv.addSchema({ $id: "spec", components: document.components ?? {} }, "spec");
  const toSpecRef = (schema: Json) => JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/'));
  return { ajv, compile: (schema) => ajv.compile(toSpecRef(schema)) };
}
