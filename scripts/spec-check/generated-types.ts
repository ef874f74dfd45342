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

async function renderBundle(bundlePath: string): Promise<Record<string, string>> {
  return renderGeneratedFiles(JSON.parse(await readFile(bundlePath, "utf8")));
}

function messageOf(error: unknown): string {
  return clean(error instanceof Error ? error.message : String(error));
}

/** Generates the types of a bundled spec into `outDir`. */
export async function generateTypes(bundlePath: string, outDir: string, label: string): Promise<void> {
  try {
    const files = await renderBundle(bundlePath);
    await mkdir(outDir, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(outDir, name), text);
  } catch (error) {
    throw new SpecCheckError(`cannot generate the types of the spec at ${label}:\n${messageOf(error)}`);
  }
}

export interface DriftResult {
  ok: boolean;
  /** The generator's own message: it names the drifted files and the command that fixes them. */
  message: string;
}

/** The drift check: do the committed generated files match what the working tree's spec generates? */
export async function checkDrift(repo: string, bundlePath: string): Promise<DriftResult> {
  let files: Record<string, string>;
  try {
    files = await renderBundle(bundlePath);
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
  const drifted = await findDrift(files, path.join(repo, layout.generated));
  if (drifted.length === 0) return { ok: true, message: "generated types are up to date with spec/" };
  // Paths relative to this repository's root, as `npm run generate -- --check` prints them.
  return { ok: false, message: driftMessage(drifted.map((file) => path.relative(toolsRoot, file))) };
}
