/** Loads the spec for the tests: the hand-written sources and the bundle built from them. */
import { readFile } from "node:fs/promises";
import { parse } from "yaml";

export const specDir = new URL("../", import.meta.url);

export async function readYaml(relativePath: string): Promise<any> {
  return parse(await readFile(new URL(relativePath, specDir), "utf8"));
}

/** The bundled spec (`npm run bundle`), with `$ref`s to `#/components/...` left in place. */
export async function readBundle(): Promise<any> {
  return JSON.parse(await readFile(new URL("dist/openapi.json", specDir), "utf8"));
}

/** Follows a local `$ref` of the bundle. */
export function resolve(document: any, node: any): any {
  while (node && typeof node.$ref === "string") {
    node = node.$ref
      .slice(2)
      .split("/")
      .reduce((at: any, key: string) => at[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
  }
  return node;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/** Every operation of the bundle with its method and path. */
export function operationsOf(document: any) {
  return Object.entries<any>(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
  );
}
