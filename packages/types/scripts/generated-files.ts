/** What the spec generates, and how it differs from what is on disk (the drift check). */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { renderConstants } from "./render-constants.ts";
import { renderTypes } from "./render-types.ts";

/** The command that regenerates; every drift message names it. */
export const REGENERATE_COMMAND = "npm run generate";

/** The generated files, by name, as the bundled spec `document` renders them. */
export async function renderGeneratedFiles(document: object): Promise<Record<string, string>> {
  return {
    "openapi.ts": await renderTypes(document),
    "constants.ts": renderConstants(document),
  };
}

/** The paths (under `outDir`) whose content differs from `files`; a missing file differs. */
export async function findDrift(files: Record<string, string>, outDir: string): Promise<string[]> {
  const drifted: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const onDisk = await readFile(path.join(outDir, name), "utf8").catch(() => undefined);
    if (onDisk !== text) drifted.push(path.join(outDir, name));
  }
  return drifted;
}

/** The message of a failed drift check: which files, and the command that fixes them. */
export function driftMessage(driftedPaths: string[]): string {
  return (
    `Generated code has drifted from spec/: ${driftedPaths.join(", ")} ` +
    `${driftedPaths.length === 1 ? "differs" : "differ"} from what the spec generates.\n` +
    `Fix: run \`${REGENERATE_COMMAND}\` at the repository root and commit the result.`
  );
}
