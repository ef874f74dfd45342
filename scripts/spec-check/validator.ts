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
  // Most examples share their schema (every problem answer's, every File's): one
  // validator each, where compiling per example cost 80 compilations for 18 schemas.
  const compiled = new Map<string, ValidateFunction>();
  const compile = (schema: Json) => {
    const text = JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/');
    let validate = compiled.get(text);
    if (!validate) compiled.set(text, (validate = ajv.compile(JSON.parse(text))));
    return validate;
  };
  return { ajv, compile };
}
