/** The operations of an OpenAPI document, by operationId: what the samples attach to. */

// The bundled OpenAPI document, already linted and validated in spec/.
type Json = any;

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
  operation: Json;
}

/** Every operation of the document, in the order of its paths. */
export function operationsOf(document: Json): OperationRef[] {
  return Object.entries<Json>(document.paths ?? {}).flatMap(([path, pathItem]) =>
    HTTP_METHODS.filter((method) => pathItem[method]).map((method) => {
      const operation = pathItem[method];
      if (typeof operation.operationId !== "string")
        throw new Error(`${method.toUpperCase()} ${path} has no operationId: the code samples are named after it`);
      return { operationId: operation.operationId, method: method.toUpperCase(), path, operation };
    }),
  );
}
