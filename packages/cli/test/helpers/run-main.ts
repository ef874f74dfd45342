/**
 * Runs the CLI's `main()` in the test's own process, as `src/bin.ts` does, with streams
 * that collect what it writes (not terminals: a pipe, to the commands). A spawned
 * `node dist/bin.js` costs about 0.3 s of CPU; this costs what the command does. What
 * only a real process shows (its exit status, its environment and working directory, a
 * pipe, Ctrl-C, a terminal) is tested with `runCli`, and `commands.test.ts` checks that
 * both give the same result for the same arguments.
 */
import { Writable } from "node:stream";
import { main } from "../../src/main.ts";
import { cleanEnv, type CliResult } from "./run-cli.ts";

export interface MainRunOptions {
  /** Added to a clean environment, as `runCli` does. */
  env?: Record<string, string>;
}

/** `args` as the command line gives them; a relative path in them is the test process's folder's: pass absolute ones. */
export async function runMain(args: readonly string[], options: MainRunOptions = {}): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const code = await main({ argv: args, env: cleanEnv(options.env), stdout: stdout.stream, stderr: stderr.stream, signal: new AbortController().signal });
  const stdoutBytes = stdout.bytes();
  return { code, signal: null, stdout: stdoutBytes.toString("utf8"), stdoutBytes, stderr: stderr.bytes().toString("utf8") };
}

function collector() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, bytes: () => Buffer.concat(chunks) };
}
