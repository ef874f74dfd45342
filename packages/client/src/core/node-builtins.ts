import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { isNode } from "./environment.ts";

/** The Node built-ins the Node-only helpers (`saveTo`, uploads from `{ path }`) use. */
export interface NodeBuiltins {
  "node:fs": typeof import("node:fs");
  "node:fs/promises": typeof import("node:fs/promises");
  "node:path": typeof import("node:path");
}

/** Which option or call needs Node, and what to do instead in a browser: for the error. */
export interface NodeOnlyUse {
  field: string;
  instead: string;
}

/** Uploading `{ path }`: Node's and the browser build's refusal say the same. */
export const pathUpload: NodeOnlyUse = { field: "source.path", instead: 'upload a File or Blob (e.g. from an <input type="file">)' };
/** A download's `saveTo`. */
export const saveToPath: NodeOnlyUse = { field: "saveTo", instead: "read the download with blob(), bytes() or body" };

/**
 * Loads a Node built-in when a Node-only helper runs. The specifier is not a literal,
 * so browser bundlers (esbuild, webpack, Vite, Rollup) leave the import alone instead of
 * failing to resolve `node:fs` in a browser build: the client bundles with their
 * defaults. Outside Node the helper is refused with what to use instead.
 */
export function importNode<Name extends keyof NodeBuiltins>(name: Name, use: NodeOnlyUse): Promise<NodeBuiltins[Name]> {
  if (!isNode()) return Promise.reject(nodeOnlyError(use));
  return import(/* webpackIgnore: true */ /* @vite-ignore */ name) as Promise<NodeBuiltins[Name]>;
}

/** The error of a Node-only helper called elsewhere: what it needs, and what to use instead. */
export function nodeOnlyError({ field, instead }: NodeOnlyUse): InvalidInputError {
  return new InvalidInputError(field, `needs Node's file system; in a browser, ${instead}.`);
}
