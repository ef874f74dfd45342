/**
 * Where the gate's tools live: in this repository's install, whichever repository is
 * checked (the end-to-end test checks a throwaway copy that has no node_modules).
 */
import { fileURLToPath, pathToFileURL } from "node:url";

export const toolsRoot = fileURLToPath(new URL("../../", import.meta.url));
export const redocly = toolsRoot + "node_modules/.bin/redocly";
/**
 * `tsx <file>` for the tests that run an entry point as a command: node with tsx's loader
 * (its package's only export). One process, where the `tsx` command starts a second node
 * to run the file: about 0.2 s of CPU less a run.
 */
export const tsx = { command: process.execPath, args: ["--import", pathToFileURL(toolsRoot + "node_modules/tsx/dist/loader.mjs").href] } as const;
/** Redocly's diff rules; a separate file because `extends: diff-recommended` in the root config breaks openapi-typescript. */
export const diffConfig = fileURLToPath(new URL("./redocly-diff.yaml", import.meta.url));

/** Paths inside the checked repository. */
export const layout = {
  spec: "spec/openapi.yaml",
  redoclyConfig: "redocly.yaml",
  generated: "packages/types/src/generated/",
  changesets: ".changeset/",
} as const;
