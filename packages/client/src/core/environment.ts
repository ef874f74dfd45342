/** Whether the client runs in Node (`process.versions.node`; Deno and Bun say so too). */
export function isNode(): boolean {
  return Boolean((globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node);
}

/**
 * Where the client runs. A page or a worker is "a browser": whatever runs there can be
 * read by its user, so a client secret must not be shipped to it.
 */
export function isBrowserLike(): boolean {
  if (isNode()) return false;
  const scope = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
  return typeof scope.document !== "undefined" || typeof scope.WorkerGlobalScope !== "undefined";
}

/**
 * Node's fetch (undici) can stream a request body (`duplex: 'half'`) over HTTP/1.1;
 * browsers only over HTTP/2, so there a body is sent as a Blob.
 */
export function canStreamRequestBodies(): boolean {
  return isNode();
}
