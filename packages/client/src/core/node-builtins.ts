/** The Node built-ins the Node-only helpers (`saveTo`, uploads from `{ path }`) use. */
export interface NodeBuiltins {
  "node:fs": typeof import("node:fs");
  "node:fs/promises": typeof import("node:fs/promises");
  "node:path": typeof import("node:path");
}

/**
 * Loads a Node built-in when a Node-only helper runs. The specifier is not a literal,
 * so browser bundlers (esbuild, webpack, Vite, Rollup) leave the import alone instead of
 * failing to resolve `node:fs` in a browser build: the client bundles with their
 * defaults, and the Node-only helpers load what they need on Node only.
 */
export function importNode<Name extends keyof NodeBuiltins>(name: Name): Promise<NodeBuiltins[Name]> {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ name) as Promise<NodeBuiltins[Name]>;
}
