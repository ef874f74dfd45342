/**
 * Validates every example of the bundled spec against its schema with Ajv, independently
 * of Redocly's example rules: two validators disagreeing is worth a failed check.
 */
import { deref, operationsOf, type Json } from "./document.ts";
import { schemaValidator } from "./validator.ts";

export interface ExamplesResult {
  ok: boolean;
  /** How many examples were validated. */
  checked: number;
  failures: string[];
}

/** Every example of a media type, a parameter or a header: `example`, or each `examples` entry. */
function examplesOf(document: Json, node: Json): unknown[] {
  const found: unknown[] = [];
  if (node?.example !== undefined) found.push(node.example);
  for (const example of Object.values<Json>(node?.examples ?? {})) {
    const value = deref(document, example)?.value;
    if (value !== undefined) found.push(value);
  }
  return found;
}

export function validateExamples(document: Json): ExamplesResult {
  const { ajv, compile } = schemaValidator(document);

  const failures: string[] = [];
  let checked = 0;
  const check = (where: string, schema: Json, examples: unknown[]) => {
    // Binary content (format: binary) has no JSON form to validate.
    if (!schema || examples.length === 0 || deref(document, schema)?.format === "binary") return;
    const validate = compile(schema);
    for (const example of examples) {
      checked += 1;
      if (!validate(example)) failures.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    }
  };

  for (const { method, path, operation } of operationsOf(document)) {
    const where = `${method.toUpperCase()} ${path}`;
    for (const parameter of (operation.parameters ?? []).map((p: Json) => deref(document, p)))
      check(`${where} parameter ${parameter.name}`, parameter.schema, examplesOf(document, parameter));
    for (const [mediaType, media] of Object.entries<Json>(deref(document, operation.requestBody)?.content ?? {}))
      check(`${where} request ${mediaType}`, media.schema, examplesOf(document, media));
    for (const [status, response] of Object.entries<Json>(operation.responses ?? {})) {
      const resolved = deref(document, response);
      for (const [mediaType, media] of Object.entries<Json>(resolved?.content ?? {}))
        check(`${where} ${status} ${mediaType}`, media.schema, examplesOf(document, media));
      for (const [name, header] of Object.entries<Json>(resolved?.headers ?? {})) {
        const h = deref(document, header);
        check(`${where} ${status} header ${name}`, h?.schema, examplesOf(document, h));
      }
    }
  }
  for (const [name, schema] of Object.entries<Json>(document.components?.schemas ?? {}))
    check(`schema ${name}`, { $ref: `#/components/schemas/${name}` }, schema.examples ?? []);
  return { ok: failures.length === 0, checked, failures };
}
