/**
 * Where the gate's tools live: in this repository's install, whichever repository is
 * checked (the end-to-end test checks a throwaway copy that has no node_modules).
 */
import { fileURLToPath } from "node:url";

export const toolsRoot = fileURLToPath(new URL("../../", import.meta.url));
export const redocly = toolsRoot + "node_modules/.bin/redocly";
export const tsx = toolsRoot + "node_modules/.bin/tsx";
/** Redocly's diff rules; a separate file because `extends: diff-recommended` in the root config breaks openapi-typescript. */
export const diffConfig = fileURLToPath(new URL("./redocly-diff.yaml", import.meta.url));

/** Paths inside the checked repository. */
export const layout = {
  spec: "spec/openapi.yaml",
  redoclyConfig: "redocly.yaml",
  generated: "packages/types/src/generated/",
  changesets: ".changeset/",
} as const;
