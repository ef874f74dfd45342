/**
 * Builds the reference: the bundled spec, plus the code samples of `samples/`, rendered by
 * Redocly into a static site that needs no server rewrite and no network:
 *
 *     <version>/   index.html, openapi.json, openapi.yaml, assets/   (the API version built)
 *     index.html, openapi.json, openapi.yaml, assets/                (the same, at /: the newest)
 *     404.html, .nojekyll, versions.json
 *
 * A reference per `Api-Version` path keeps an older version's reference online when a
 * new one ships (docs.yml carries the deployed older folders over, see carry-over.ts).
 * The folder is written aside and renamed into place, so a failed build never leaves a
 * half-written site behind.
 */
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { currentApiVersion } from "@lucca-api/types";
import { readCodeSamples, withCodeSamples } from "./code-samples.ts";
import { withHashLinks } from "./hash-links.ts";
import { specFileName } from "./redoc-options.ts";
import { renderReference } from "./render.ts";
import { withSchemasSection } from "./schemas-section.ts";
import { selfContain } from "./self-contain.ts";
import { mergeVersions, notFoundPage, specAsYaml, type VersionEntry } from "./site-files.ts";

export const packageDir = fileURLToPath(new URL("../", import.meta.url));
export const defaultOutDir = path.join(packageDir, "dist");
export const defaultSamplesDir = path.join(packageDir, "samples");
const assetsDir = path.join(packageDir, "assets");

/** The spec as `npm run build` bundles it (spec/dist/openapi.json). */
export function bundledSpecFile(): string {
  return createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");
}

/** The YAML download beside `openapi.json`. */
export const yamlSpecFileName = "openapi.yaml";
/** The list of the versions the site holds, at its root. */
export const versionsFileName = "versions.json";

export interface BuildOptions {
  outDir?: string;
  specFile?: string;
  samplesDir?: string;
  /** The API version the spec describes: its folder name. Default: the spec's newest. */
  apiVersion?: string;
  /** Where the site is served from, for the 404 page's link. Default `/` (`DOCS_BASE_PATH`). */
  basePath?: string;
  /** Older versions the deployed site already holds, for versions.json (carry-over.ts adds their folders). */
  previousVersions?: readonly VersionEntry[];
}

export interface BuiltReference {
  outDir: string;
  /** The reference at `/`: the newest version's. */
  indexFile: string;
  specFile: string;
  /** The folder of the version built, `<outDir>/<apiVersion>`. */
  versionDir: string;
}

/** Renders one version's reference into `dir`: index.html, openapi.json, openapi.yaml, assets/. */
async function renderVersion(dir: string, docsSpec: any, description: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const specCopy = path.join(dir, specFileName);
  const indexFile = path.join(dir, "index.html");
  await writeFile(specCopy, JSON.stringify(docsSpec, null, 2) + "\n");
  await writeFile(path.join(dir, yamlSpecFileName), specAsYaml(docsSpec));
  await renderReference({ specFile: specCopy, outputFile: indexFile, description });
  await writeFile(indexFile, withHashLinks(selfContain(await readFile(indexFile, "utf8"))));
  await cp(assetsDir, path.join(dir, "assets"), { recursive: true });
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

  const apiVersion = options.apiVersion ?? currentApiVersion;
  const basePath = options.basePath ?? (process.env.DOCS_BASE_PATH || "/");
  const title = document.info?.title ?? "API reference";

  await mkdir(path.dirname(outDir), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}-`));
  try {
    const versionDir = path.join(staging, apiVersion);
    await renderVersion(versionDir, docsSpec, document.info?.summary ?? title);
    // `/` serves the newest version: the same files, so its relative links hold there too.
    await cp(versionDir, staging, { recursive: true });
    await writeFile(path.join(staging, "404.html"), notFoundPage(title, basePath));
    await writeFile(path.join(staging, ".nojekyll"), "");
    const files = (await readdir(versionDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(versionDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .sort();
    const manifest = mergeVersions(options.previousVersions ?? [], { version: apiVersion, files });
    await writeFile(path.join(staging, versionsFileName), JSON.stringify(manifest, null, 2) + "\n");
    // mkdtemp makes the folder private; a site is read by whoever serves it.
    await chmod(staging, 0o755);

    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return {
    outDir,
    indexFile: path.join(outDir, "index.html"),
    specFile: path.join(outDir, specFileName),
    versionDir: path.join(outDir, apiVersion),
  };
}
