/**
 * The generated types of @lucca-api/types, rendered by its own generator
 * (packages/types/scripts/generated-files.ts) so that the gate sees exactly what CI would.
 * The gate already runs under tsx, so it renders in-process: starting the generator through
 * tsx three times a check cost ~2 s of CPU each (loading TypeScript and tsx again).
 * openapi-typescript is given the parsed bundle, so it reads no redocly.yaml and resolves
 * no file: the working directory does not change what it renders.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { driftMessage, findDrift, renderGeneratedFiles } from "../../packages/types/scripts/generated-files.ts";
import { SpecCheckError } from "./errors.ts";
import { clean } from "./exec.ts";
import { layout, toolsRoot } from "./tools.ts";

/** What a bundled spec generates, by file name; the drift check and the types diff share one rendering. */
export async function renderBundle(bundlePath: string, label: string): Promise<Record<string, string>> {
  try {
    return await renderGeneratedFiles(JSON.parse(await readFile(bundlePath, "utf8")));
  } catch (error) {
    const message = clean(error instanceof Error ? error.message : String(error));
    throw new SpecCheckError(`cannot generate the types of the spec at ${label}:\n${message}`);
  }
}

/** Writes rendered generated files into `outDir`. */
export async function writeTypes(files: Record<string, string>, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(outDir, name), text);
}

export interface DriftResult {
  ok: boolean;
  /** The generator's own message: it names the drifted files and the command that fixes them. */
  message: string;
}

/** The drift check: do the committed generated files match what the working tree's spec generates? */
export async function checkDrift(repo: string, files: Record<string, string>): Promise<DriftResult> {
  const drifted = await findDrift(files, path.join(repo, layout.generated));
  if (drifted.length === 0) return { ok: true, message: "generated types are up to date with spec/" };
  // Paths relative to this repository's root, as `npm run generate -- --check` prints them.
  return { ok: false, message: driftMessage(drifted.map((file) => path.relative(toolsRoot, file))) };
}
