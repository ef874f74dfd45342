/**
 * `npm run build`: writes the reference to packages/docs/dist/ (index.html, openapi.json,
 * assets/). Open dist/index.html from disk, or serve the folder as it is.
 *
 *   tsx scripts/build.ts [--out <dir>]
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildReference } from "../src/build.ts";

const { values: args } = parseArgs({ options: { out: { type: "string" } } });

try {
  const started = performance.now();
  const built = await buildReference(args.out ? { outDir: args.out } : {});
  const { size } = await stat(built.indexFile);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`built the reference: ${path.relative(process.cwd(), built.indexFile)} (${Math.round(size / 1024)} KiB) in ${seconds} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
