/**
 * One Ajv instance (JSON Schema 2020-12, the dialect of OpenAPI 3.1) with the whole
 * bundled spec registered, so that any schema of the spec compiles by its JSON pointer.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { loadSpecDocument, specRef, specSchemaId, type Json } from "./spec-document.ts";

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    // strict off: the document also holds OpenAPI keywords (`example`, `in`, …) Ajv does not know.
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    // OpenAPI's `format: binary` marks bytes; there is nothing to check in them here.
    ajv.addFormat("binary", true);
    ajv.addSchema(loadSpecDocument() as Json, specSchemaId);
  }
  return ajv;
}

/** The validator of the schema at `pointer` in the bundled spec (compiled once). */
export function validatorAt(pointer: string): ValidateFunction {
  let validate = compiled.get(pointer);
  if (!validate) {
    validate = instance().compile(specRef(pointer));
    compiled.set(pointer, validate);
  }
  return validate;
}

/** Ajv's errors as short sentences, e.g. `must be equal to one of the allowed values (2024-11-01)`. */
export function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => {
    const where = error.instancePath ? `${error.instancePath}: ` : "";
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    return `${where}${error.message ?? "is invalid"}${allowed ? ` (${allowed.join(", ")})` : ""}`;
  });
}
