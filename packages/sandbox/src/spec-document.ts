/**
 * The bundled spec, loaded once, and the lookups the sandbox and the contract checker
 * make in it. Reading the spec at run time is what keeps the sandbox from carrying a
 * second copy of its rules. The file is the package's own `openapi.json`, copied from
 * `@lucca-api/spec` by `npm run bundle` (scripts/bundle-spec.ts) and published with the
 * package, so an installed sandbox needs nothing else.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import type { OperationId } from "@lucca-api/types";
import { endpoints } from "@lucca-api/types";

// The bundled document is plain JSON; its shape is OpenAPI 3.1, checked by redocly lint.
export type Json = any;

/** An OpenAPI parameter object, `$ref`s resolved. */
export interface SpecParameter {
  name: string;
  in: "header" | "query" | "path" | "cookie";
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema: Json;
  /** The JSON pointer of its schema, for Ajv to compile by reference. */
  schemaRef: string;
}

/** The `$id` under which the whole document is registered with Ajv. */
export const specSchemaId = "https://lucca-api.invalid/openapi.json";

let cached: Json | undefined;

/** The package's copy of the bundled spec: one folder up from `src/` and from `dist/` alike. */
export const bundledSpecFile = new URL("../openapi.json", import.meta.url);

/**
 * Where the sandbox serves that copy: under its own name at the root, where the built
 * reference keeps its copy too, so that an installed sandbox, which has no reference,
 * still gives the spec it implements to a browser or a tool.
 */
export const servedSpecPath = `/${basename(fileURLToPath(bundledSpecFile))}`;

/** The bundled spec, read from the package's own copy. */
export function loadSpecDocument(): Json {
  if (cached === undefined) {
    let text: string;
    try {
      text = readFileSync(bundledSpecFile, "utf8");
    } catch {
      throw new Error(`The sandbox's copy of the spec is missing (${bundledSpecFile.pathname}): run \`npm run build\` at the repository root.`);
    }
    cached = JSON.parse(text);
  }
  return cached;
}

/** Follows local `$ref`s, returning the node and the pointer it was found at. */
export function resolveRef(document: Json, node: Json, pointer: string): { node: Json; pointer: string } {
  while (node && typeof node === "object" && typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
    pointer = node.$ref.slice(1);
    node = pointer
      .split("/")
      .slice(1)
      .reduce((at: Json, key: string) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
    if (node === undefined) throw new Error(`The bundled spec has an unresolvable $ref: ${pointer}`);
  }
  return { node, pointer };
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The operation object of an operationId, and the JSON pointer it lives at. */
export function operationOf(document: Json, operationId: OperationId): { operation: Json; pointer: string } {
  const { method, path } = endpoints[operationId];
  const verb = method.toLowerCase();
  const operation = document.paths?.[path]?.[verb];
  if (!operation) throw new Error(`The bundled spec has no ${method} ${path} (operationId ${operationId}).`);
  return { operation, pointer: `/paths/${escapePointer(path)}/${verb}` };
}

/** The parameters of an operation (path-level and operation-level), `$ref`s resolved. */
export function parametersOf(document: Json, operationId: OperationId): SpecParameter[] {
  const { method, path } = endpoints[operationId];
  const pathPointer = `/paths/${escapePointer(path)}`;
  const pathItem = document.paths[path];
  const found = new Map<string, SpecParameter>();
  const collect = (list: Json[] | undefined, base: string) =>
    (list ?? []).forEach((raw, index) => {
      const { node, pointer } = resolveRef(document, raw, `${base}/parameters/${index}`);
      found.set(`${node.in}:${node.name.toLowerCase()}`, { ...node, schemaRef: `${pointer}/schema` });
    });
  collect(pathItem.parameters, pathPointer);
  collect(pathItem[method.toLowerCase()].parameters, `${pathPointer}/${method.toLowerCase()}`);
  return [...found.values()];
}

/** A `#/...` reference into the registered document, for Ajv. */
export function specRef(pointer: string): { $ref: string } {
  return { $ref: `${specSchemaId}#${pointer}` };
}
