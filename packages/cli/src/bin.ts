#!/usr/bin/env node
import { AbortError } from "@lucca-api/client";
import { exitCodes } from "./cli/exit-codes.ts";
import { main } from "./main.ts";

// Ctrl-C cancels: requests stop, a download's temporary file is removed, and the process
// exits 130 once that is done. A second Ctrl-C exits at once. A TERM (a CI job stopped)
// cancels the same way.
const cancel = new AbortController();
const onSignal = () => {
  if (cancel.signal.aborted) process.exit(exitCodes.cancelled);
  cancel.abort(new AbortError("cancelled"));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

// `lucca-files get … --json | head -1`: the reader went away; stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(exitCodes.ok);
  throw error;
});

process.exitCode = await main({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, signal: cancel.signal });
