/**
 * Builds the reference: the bundled spec, plus the code samples of `samples/`, rendered by
 * Redocly into one folder (index.html, openapi.json, assets/) that needs no server and no
 * network. The folder is written aside and renamed into place, so a failed build never
 * leaves a half-written site behind.
 */
import { chmod, cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readCodeSamples, withCodeSamples } from "./code-samples.ts";
import { specFileName } from "./redoc-options.ts";
import { renderReference } from "./render.ts";
import { withSchemasSection } from "./schemas-section.ts";
import { selfContain } from "./self-contain.ts";

export const packageDir = fileURLToPath(new URL("../", import.meta.url));
export const defaultOutDir = path.join(packageDir, "dist");
export const defaultSamplesDir = path.join(packageDir, "samples");
const assetsDir = path.join(packageDir, "assets");

/** The spec as `npm run build` bundles it (spec/dist/openapi.json). */
export function bundledSpecFile(): string {
  return createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");
}

export interface BuildOptions {
  outDir?: string;
  specFile?: string;
  samplesDir?: string;
}

export interface BuiltReference {
  outDir: string;
  indexFile: string;
  specFile: string;
}

export async function buildReference(options: BuildOptions = {}): Promise<BuiltReference> {
  const outDir = path.resolve(options.outDir ?? defaultOutDir);
  const sourceSpec = options.specFile ?? bundledSpecFile();
  const samplesDir = options.samplesDir ?? defaultSamplesDir;

  const document = JSON.parse(
    await readFile(sourceSpec, "utf8").catch(() => {
      throw new Error(`cannot read the bundled spec at ${sourceSpec}: run \`npm run build\` at the repository root first`);
    }),
  );
  const docsSpec = withSchemasSection(withCodeSamples(document, await readCodeSamples(document, samplesDir)));

  const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}-`));
  try {
    const specCopy = path.join(staging, specFileName);
    const indexFile = path.join(staging, "index.html");
    await writeFile(specCopy, JSON.stringify(docsSpec, null, 2) + "\n");
    await renderReference({
      specFile: specCopy,
      outputFile: indexFile,
      description: document.info?.summary ?? document.info?.title ?? "API reference",
    });
    await writeFile(indexFile, selfContain(await readFile(indexFile, "utf8")));
    await cp(assetsDir, path.join(staging, "assets"), { recursive: true });
    // mkdtemp makes the folder private; a site is read by whoever serves it.
    await chmod(staging, 0o755);

    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { outDir, indexFile: path.join(outDir, "index.html"), specFile: path.join(outDir, specFileName) };
}
