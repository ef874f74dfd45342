/**
 * The build half of `npm start`: turbo builds the sandbox with what it depends on, then the
 * API reference, each in one line (turbo's own output is kept for when a step fails). The
 * sandbox's CLI runs next, so its banner is the last thing on the screen.
 *
 *   tsx scripts/start/build.ts && node packages/sandbox/dist/cli.js
 */
import { fileURLToPath } from "node:url";
import { exec } from "../spec-check/exec.ts";

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

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Runs turbo with its output captured (the spec gate's `exec`): only a failure shows it. */
async function turboBuild(filter: string): Promise<{ code: number; output: string }> {
  const { code, stdout, stderr } = await exec("turbo", ["run", "build", `--filter=${filter}`, "--output-logs=errors-only"], { cwd: repositoryRoot });
  return { code, output: stdout + stderr };
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
