/**
 * Generates packages/types/src/generated/ from the bundled spec (spec/dist/openapi.json):
 * the openapi-typescript types, and the constants the client and the sandbox need
 * (versions, content types, paths, header names, limits...), so that no API fact is
 * typed a second time by hand.
 *
 *   tsx scripts/generate.ts          write the files
 *   tsx scripts/generate.ts --check  fail when the committed files differ (the drift check)
 *
 * `--spec <file>` and `--out <dir>` point it elsewhere (the tests use them).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { driftMessage, findDrift, renderGeneratedFiles } from "./generated-files.ts";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const { values: args } = parseArgs({
  options: { check: { type: "boolean" }, spec: { type: "string" }, out: { type: "string" } },
});
const outDir = args.out ? path.resolve(args.out) : fileURLToPath(new URL("../src/generated/", import.meta.url));
const specPath = args.spec ? path.resolve(args.spec) : createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");

async function main(check: boolean): Promise<number> {
  const document = JSON.parse(
    await readFile(specPath, "utf8").catch(() => {
      throw new Error(`cannot read the bundled spec at ${specPath}: run \`npm run build\` (or \`turbo run bundle\`) first`);
    }),
  );
  const files = await renderGeneratedFiles(document);

  if (!check) {
    await mkdir(outDir, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(outDir, name), text);
    console.log(`generated ${Object.keys(files).join(", ")} in ${path.relative(repositoryRoot, outDir)} from ${specPath}`);
    return 0;
  }

  const drifted = await findDrift(files, outDir);
  if (drifted.length === 0) {
    console.log("generated types are up to date with spec/");
    return 0;
  }
  console.error(driftMessage(drifted.map((file) => path.relative(repositoryRoot, file))));
  return 1;
}

process.exitCode = await main(args.check === true);
