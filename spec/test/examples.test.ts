import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { operationsOf, readBundle, resolve } from "./load.ts";

let bundle: any;
beforeAll(async () => {
  bundle = await readBundle();
});

/** Every example of a media type, a parameter or a header: `example` or each `examples` entry. */
function examplesOf(node: any): unknown[] {
  const found: unknown[] = [];
  if (node.example !== undefined) found.push(node.example);
  for (const example of Object.values<any>(node.examples ?? {})) found.push(resolve(bundle, example).value);
  return found;
}

describe("every operation", () => {
  it("has a summary, a description and examples on its request, parameters and responses", () => {
    const missing: string[] = [];
    for (const { method, path, operation } of operationsOf(bundle)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!operation.summary) missing.push(`${where}: summary`);
      if (!operation.description) missing.push(`${where}: description`);
      for (const parameter of operation.parameters.map((p: any) => resolve(bundle, p)))
        if (examplesOf(parameter).length === 0) missing.push(`${where}: parameter ${parameter.name}`);
      for (const [mediaType, media] of Object.entries<any>(resolve(bundle, operation.requestBody)?.content ?? {}))
        if (examplesOf(media).length === 0) missing.push(`${where}: request body ${mediaType}`);
      for (const [status, response] of Object.entries<any>(operation.responses)) {
        const resolved = resolve(bundle, response);
        if (!resolved.description) missing.push(`${where}: ${status} description`);
        for (const [mediaType, media] of Object.entries<any>(resolved.content ?? {}))
          if (examplesOf(media).length === 0) missing.push(`${where}: ${status} ${mediaType}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has a unique camelCase operationId", () => {
    const ids = operationsOf(bundle).map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });
});

describe("every example", () => {
  it("validates against its schema (checked with Ajv, independently of Redocly)", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajvFormats.default(ajv);
    // The bundle's components become one schema document, so that $refs resolve.
    ajv.addSchema({ $id: "spec", components: bundle.components }, "spec");
    const toSpecRef = (schema: any) => JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/'));

    const failures: string[] = [];
    const check = (where: string, schema: any, examples: unknown[]) => {
      if (!schema) return;
      // Binary content (format: binary) has no JSON form to validate.
      if (resolve(bundle, schema).format === "binary") return;
      const validate = ajv.compile(toSpecRef(schema));
      for (const example of examples)
        if (!validate(example)) failures.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    };

    for (const { method, path, operation } of operationsOf(bundle)) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const parameter of operation.parameters.map((p: any) => resolve(bundle, p))) {
        const value = parameter.example;
        check(`${where} ${parameter.name}`, parameter.schema, value === undefined ? [] : [value]);
      }
      for (const [status, response] of Object.entries<any>(operation.responses)) {
        const resolved = resolve(bundle, response);
        for (const [mediaType, media] of Object.entries<any>(resolved.content ?? {}))
          check(`${where} ${status} ${mediaType}`, media.schema, examplesOf(media));
        for (const [name, header] of Object.entries<any>(resolved.headers ?? {})) {
          const h = resolve(bundle, header);
          check(`${where} ${status} header ${name}`, h.schema, h.example === undefined ? [] : [h.example]);
        }
      }
    }
    for (const [name, schema] of Object.entries<any>(bundle.components.schemas))
      check(`schema ${name}`, { $ref: `#/components/schemas/${name}` }, schema.examples ?? []);
    expect(failures).toEqual([]);
  });
});
