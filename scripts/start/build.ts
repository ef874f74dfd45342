/**
 * The build half of `npm start`: turbo builds the sandbox with what it depends on, then the
 * API reference, each in one line (turbo's own output is kept for when a step fails). The
 * sandbox's CLI runs next, so its banner is the last thing on the screen.
 *
 *   tsx scripts/start/build.ts && node packages/sandbox/dist/cli.js
 */
import { spawn } from "node:child_process";

interface Step {
  /** What the line says is being built. */
  what: string;
  filter: string;
  /** Whether `npm start` can go on without it. */
  optional?: string;
}

const steps: Step[] = [
  { what: "the sandbox", filter: "@lucca-api/sandbox..." },
  // So that `npx lucca-files --sandbox …` works beside it on a fresh clone.
  { what: "lucca-files", filter: "@lucca-api/cli...", optional: "the sandbox runs without it" },
  { what: "the API reference", filter: "@lucca-api/docs...", optional: "serving the API only" },
];

/** Runs turbo with its output captured: only a failure shows it. */
function turboBuild(filter: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("turbo", ["run", "build", `--filter=${filter}`, "--output-logs=errors-only"], {
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

for (const { what, filter, optional } of steps) {
  const started = performance.now();
  process.stdout.write(`start: building ${what}... `);
  const { code, output } = await turboBuild(filter);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (code === 0) {
    process.stdout.write(`done (${seconds} s)\n`);
    continue;
  }
  process.stdout.write(`failed (${seconds} s):\n`);
  process.stderr.write(output.trimEnd() + "\n");
  if (!optional) process.exit(code);
  console.log(`start: ${what} did not build (above); ${optional}`);
}
