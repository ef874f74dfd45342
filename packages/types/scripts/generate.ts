/**
 * Generates packages/types/src/generated/ from the bundled spec (spec/dist/openapi.json):
 * the openapi-typescript types, and the constants the client and the sandbox need
 * (versions, content types, paths, header names, limits...), so that no API fact is
 * typed a second time by hand.
 *
 *   node --import tsx scripts/generate.ts          write the files (npm run generate)
 *   node --import tsx scripts/generate.ts --check  fail when the committed files differ (npm run drift)
 *
 * `--spec <file>` and `--out <dir>` point it elsewhere (the tests use them).
 *
 * A generation right after a drift check that passed on the same inputs writes nothing and
 * renders nothing: the check proved the files are what it would write (verified-generation.ts).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runGeneration } from "./run-generation.ts";

const { values: args } = parseArgs({
  options: { check: { type: "boolean" }, spec: { type: "string" }, out: { type: "string" } },
});
const outDir = args.out ? path.resolve(args.out) : fileURLToPath(new URL("../src/generated/", import.meta.url));
const specPath = args.spec ? path.resolve(args.spec) : createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");

const outcome = await runGeneration({ check: args.check === true, specPath, outDir });
process.exitCode = outcome === "drifted" ? 1 : 0;
