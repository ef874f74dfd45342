/**
 * `npm test`'s main step: runs the command it is given (turbo's lint, typecheck and test)
 * with the Chromium found passed down as `CHROMIUM_PATH`, which turbo hashes for the
 * browser tests: a run with a browser never replays a cached run that skipped them. When
 * they were skipped (no Chromium, outside CI), the run ends with one line that says so.
 *
 *   tsx scripts/browser-tests/run-tests.ts turbo run lint typecheck test
 */
import { spawnSync } from "node:child_process";
import { findChromium, installHint, isCI } from "./find-chromium.ts";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/browser-tests/run-tests.ts <command> [args...]");
  process.exit(2);
}

const search = findChromium();
const env = search.found ? { ...process.env, CHROMIUM_PATH: search.executablePath } : process.env;
const { status, error } = spawnSync(command, args, { stdio: "inherit", env });
if (error) {
  console.error(`cannot run ${command}: ${error.message}`);
  process.exit(1);
}
if (status === 0 && !search.found && !isCI())
  console.log(`skipped: the browser tests of @lucca-api/client and @lucca-api/docs (${search.why}); to run them, ${installHint}.`);
process.exit(status ?? 1);
