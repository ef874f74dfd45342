/**
 * Reading a bundled OpenAPI document: local `$ref`s, JSON pointers and operations. The
 * bundle keeps shared parts in `#/components/...`, so every walk follows references.
 */
export type Json = any;

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OperationEntry {
  method: string;
  path: string;
  operation: Json;
}

function unescape(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The tokens of a JSON pointer (`#/paths/~1files/post` -> `paths`, `/files`, `post`). */
export function pointerTokens(pointer: string): string[] {
  return pointer.replace(/^#?\/?/, "").split("/").filter((token) => token !== "").map(unescape);
}

/** Follows local `$ref`s until a node that is not a reference. */
export function deref(document: Json, node: Json): Json {
  const seen = new Set<string>();
  while (node && typeof node === "object" && typeof node.$ref === "string" && node.$ref.startsWith("#")) {
    if (seen.has(node.$ref)) return undefined;
    seen.add(node.$ref);
    node = pointerTokens(node.$ref).reduce((at: Json, token) => at?.[token], document);
  }
  return node;
}

/** The node at `pointer`, following `$ref`s on the way, as Redocly's diff paths do. */
export function at(document: Json, pointer: string): Json {
  return pointerTokens(pointer).reduce((node: Json, token) => deref(document, node)?.[token], document);
}

export function operationsOf(document: Json): OperationEntry[] {
  return Object.entries<Json>(document.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => deref(document, item)?.[method]).map((method) => ({
      method,
      path,
      operation: deref(document, item)[method],
    })),
  );
}

/** `#/components/schemas/File/properties/id` -> `#/components/schemas/File`. */
export function componentOf(pointer: string | undefined): string | undefined {
  const match = pointer?.match(/^#\/components\/[^/]+\/[^/]+/);
  return match?.[0];
}

/**
 * The operations whose description reaches `component` through `$ref`s, e.g. every
 * operation that returns a File, or that sends the shared `Api-Version` parameter (its
 * path's own parameters included).
 */
export function operationsUsing(document: Json, component: string): OperationEntry[] {
  return operationsOf(document).filter((entry) => {
    const pathParameters = deref(document, document.paths?.[entry.path])?.parameters;
    return reaches(document, entry.operation, component, new Set()) || reaches(document, pathParameters, component, new Set());
  });
}

/**
 * The operations a security scheme guards: those whose own `security` names it, and
 * those without one when the document's `security` names it (OpenAPI 3.1, 4.8.10).
 */
export function operationsSecuredBy(document: Json, scheme: string): OperationEntry[] {
  const names = (requirements: Json) => Array.isArray(requirements) && requirements.some((requirement) => requirement && scheme in requirement);
  return operationsOf(document).filter((entry) => names(entry.operation.security ?? document.security));
}

/** The operations served by the document's `servers`: those whose path and operation name none of their own. */
export function operationsOnDocumentServers(document: Json): OperationEntry[] {
  return operationsOf(document).filter((entry) => entry.operation.servers === undefined && deref(document, document.paths?.[entry.path])?.servers === undefined);
}

/** The operations that inherit the document's `security`: those without their own. */
export function operationsWithoutOwnSecurity(document: Json): OperationEntry[] {
  return operationsOf(document).filter((entry) => entry.operation.security === undefined);
}

function reaches(document: Json, node: Json, component: string, seen: Set<string>): boolean {
  if (!node || typeof node !== "object") return false;
  if (typeof node.$ref === "string") {
    if (node.$ref === component || node.$ref.startsWith(component + "/")) return true;
    if (seen.has(node.$ref)) return false;
    seen.add(node.$ref);
    return reaches(document, deref(document, node), component, seen);
  }
  return Object.values(node).some((child) => reaches(document, child, component, seen));
}
