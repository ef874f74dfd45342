/**
 * What `npm test`'s wrapper (run-tests.ts) does around its command: a module of its own so
 * that its tests call it in their process, where starting the wrapper under tsx cost about
 * 0.35 s of CPU a case; one test still runs the wrapper's command line.
 */
import { spawnSync } from "node:child_process";
import { findChromium, installHint, isCI } from "./find-chromium.ts";

/** Where the wrapper prints its own lines: the process's streams, or a test's buffers. */
export interface WrapperOutput {
  log(line: string): void;
  error(line: string): void;
}

/**
 * Runs `command args` with the Chromium found in `env` passed down as `CHROMIUM_PATH`, which
 * turbo hashes for the browser tests: a run with a browser never replays a cached run that
 * skipped them. When they were skipped (no Chromium, outside CI), it says so in one line
 * after the run. Returns the exit code the wrapper ends with: the command's.
 */
export function runWithChromium(command: string, args: readonly string[], env: NodeJS.ProcessEnv, output: WrapperOutput): number {
  const search = findChromium(env);
  const commandEnv = search.found ? { ...env, CHROMIUM_PATH: search.executablePath } : env;
  const { status, error } = spawnSync(command, args, { stdio: "inherit", env: commandEnv });
  if (error) {
    output.error(`cannot run ${command}: ${error.message}`);
    return 1;
  }
  if (status === 0 && !search.found && !isCI(env))
    output.log(`skipped: the browser tests of @lucca-api/client and @lucca-api/docs (${search.why}); to run them, ${installHint}.`);
  return status ?? 1;
}
