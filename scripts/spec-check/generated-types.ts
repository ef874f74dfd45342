/**
 * The generated types of @lucca-api/types, produced by its own generator
 * (packages/types/scripts/generate.ts) so that the gate sees exactly what CI would.
 */
import path from "node:path";
import { clean, exec } from "./exec.ts";
import { SpecCheckError } from "./errors.ts";
import { generator, generatorDir, layout, tsx } from "./tools.ts";

/** Generates the types of a bundled spec into `outDir`. */
export async function generateTypes(bundlePath: string, outDir: string, label: string): Promise<void> {
  // Run from the package folder: openapi-typescript reads a redocly.yaml in its working directory.
  const result = await exec(tsx, [generator, "--spec", bundlePath, "--out", outDir], { cwd: generatorDir });
  if (result.code !== 0) throw new SpecCheckError(`cannot generate the types of the spec at ${label}:\n${clean(result.stderr || result.stdout)}`);
}

export interface DriftResult {
  ok: boolean;
  /** The generator's own message: it names the drifted files and the command that fixes them. */
  message: string;
}

/** The drift check: do the committed generated files match what the working tree's spec generates? */
export async function checkDrift(repo: string, bundlePath: string): Promise<DriftResult> {
  const result = await exec(tsx, [generator, "--check", "--spec", bundlePath, "--out", path.join(repo, layout.generated)], {
    cwd: generatorDir,
  });
  return { ok: result.code === 0, message: clean(result.code === 0 ? result.stdout : result.stderr || result.stdout) };
}
