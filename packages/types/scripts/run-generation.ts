/**
 * One generation (generate.ts is its command line): render the bundled spec and write the
 * files, or, with `check`, compare them with what is on disk (the drift check).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { defaultRecord, generationDigest, recordVerified, repositoryRoot, wasVerified } from "./verified-generation.ts";

export interface Generation {
  /** Compare with what is on disk instead of writing. */
  check: boolean;
  specPath: string;
  outDir: string;
  /** Where a passing check records what it proved (verified-generation.ts). */
  record?: string;
  /** Where its one line goes (a drift, to `error`). */
  log?: Pick<Console, "log" | "error">;
}

/** What a generation did: wrote the files, found them already verified, found them up to date, or found them drifted (exit code 1). */
export type Outcome = "written" | "already-verified" | "up-to-date" | "drifted";

export async function runGeneration({ check, specPath, outDir, record = defaultRecord, log = console }: Generation): Promise<Outcome> {
  const specText = await readFile(specPath, "utf8").catch(() => {
    throw new Error(`cannot read the bundled spec at ${specPath}: run \`npm run build\` (or \`turbo run bundle\`) first`);
  });
  const digest = await generationDigest(specText, outDir);
  if (!check && (await wasVerified(digest, record))) {
    log.log(`${path.relative(repositoryRoot, outDir)} is what ${specPath} generates (the drift check just rendered it): nothing to write`);
    return "already-verified";
  }
  // Loaded only to render: TypeScript and openapi-typescript are most of a generation's CPU.
  const { driftMessage, findDrift, renderGeneratedFiles } = await import("./generated-files.ts");
  const files = await renderGeneratedFiles(JSON.parse(specText));

  if (!check) {
    await mkdir(outDir, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(outDir, name), text);
    log.log(`generated ${Object.keys(files).join(", ")} in ${path.relative(repositoryRoot, outDir)} from ${specPath}`);
    return "written";
  }

  const drifted = await findDrift(files, outDir);
  if (drifted.length === 0) {
    await recordVerified(digest, record);
    log.log("generated types are up to date with spec/");
    return "up-to-date";
  }
  log.error(driftMessage(drifted.map((file) => path.relative(repositoryRoot, file))));
  return "drifted";
}
