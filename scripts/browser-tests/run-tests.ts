/**
 * `npm test`'s main step: runs the command it is given (turbo's run of every task but the drift check)
 * with the Chromium found passed down as `CHROMIUM_PATH` (run-with-chromium.ts); when the
 * browser tests were skipped (no Chromium, outside CI), the run ends with one line that
 * says so.
 *
 *   node --import tsx scripts/browser-tests/run-tests.ts turbo run lint typecheck:workspaces test test:packed
 */
import { runWithChromium } from "./run-with-chromium.ts";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node --import tsx scripts/browser-tests/run-tests.ts <command> [args...]");
  process.exit(2);
}

process.exit(runWithChromium(command, args, process.env, { log: console.log, error: console.error }));
