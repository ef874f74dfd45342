#!/usr/bin/env node
/**
 * `redocly <args>` without its Node 20 end-of-life box. Redocly CLI 2.x prints that box on
 * every command under Node 20 and offers no switch to turn it off, so `npm test` showed it
 * five times and `npm start` four. Everything else Redocly prints (lint problems, the
 * bundle's summary) and its exit code pass through unchanged. Plain JavaScript: it runs
 * before anything is built, and tsx would add a second of start-up to each call.
 *
 *   node scripts/redocly.mjs lint --config ../redocly.yaml openapi.yaml
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
// The box's frame: `╔═══╗`, `║ … ║`, `╚═══╝`, indented; no other Redocly output starts so.
const boxLine = /^\s*[╔║╚]/u;

/** Copies `input` to `output` line by line, leaving out the box and the blank line after it. */
function withoutBox(input, output) {
  let pending = "";
  let afterBox = false;
  const keep = (line) => {
    const inBox = boxLine.test(line);
    const dropped = inBox || (afterBox && line.trim() === "");
    afterBox = inBox;
    return !dropped;
  };
  input.setEncoding("utf8");
  input.on("data", (chunk) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    const kept = lines.filter(keep);
    if (kept.length > 0) output.write(kept.map((line) => `${line}\n`).join(""));
  });
  input.on("end", () => {
    if (pending && keep(pending)) output.write(pending);
  });
}

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: ["inherit", "pipe", "pipe"],
  // Piped output loses Redocly's colours; keep them when a person is watching.
  env: process.stdout.isTTY && !process.env.NO_COLOR ? { ...process.env, FORCE_COLOR: "1" } : process.env,
});
withoutBox(child.stdout, process.stdout);
withoutBox(child.stderr, process.stderr);
child.on("close", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exitCode = code ?? 1;
});
