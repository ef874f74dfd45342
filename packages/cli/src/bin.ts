#!/usr/bin/env node
import { cancelOnSignals } from "./cli/cancel-on-signals.ts";
import { exitCodes } from "./cli/exit-codes.ts";
import { main } from "./main.ts";

// Ctrl-C cancels: requests stop, a download's temporary file is removed, and the process
// exits 130 once that is done. A second Ctrl-C ends it at once. A TERM cancels the same way.
const signal = cancelOnSignals();

// `lucca-files get … --json | head -1`: the reader went away; stop quietly, as Unix tools do
// (after Ctrl-C, which the reader got too, as cancelled).
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(signal.aborted ? exitCodes.cancelled : exitCodes.ok);
  throw error;
});

const exitCode = await main({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, signal });
// Cancelled: what stdout still holds for a reader that stopped reading (`-o - | slow`) is
// dropped, not waited for; otherwise the process ends once its output is written.
if (exitCode === exitCodes.cancelled) process.exit(exitCode);
process.exitCode = exitCode;
