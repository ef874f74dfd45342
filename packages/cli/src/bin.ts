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

// `lucca-files get … --json | head -1`: the reader went away; stop quietly, as Unix tools do
// (after Ctrl-C, which the reader got too, as cancelled).
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(cancel.signal.aborted ? exitCodes.cancelled : exitCodes.ok);
  throw error;
});

const exitCode = await main({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, signal: cancel.signal });
// Cancelled: what stdout still holds for a reader that stopped reading (`-o - | slow`) is
// dropped, not waited for; otherwise the process ends once its output is written.
if (exitCode === exitCodes.cancelled) process.exit(exitCode);
process.exitCode = exitCode;
