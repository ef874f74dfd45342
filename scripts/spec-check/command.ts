/**
 * What `spec:check` does with its arguments (cli.ts runs it): a module of its own so the
 * tests of its usage errors call it in their process instead of starting tsx (about 0.4 s
 * of CPU each); the end-to-end test runs the command line itself.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { SpecCheckError } from "./errors.ts";
import { repositoryRoot, resolveBase } from "./git.ts";
import { renderReport } from "./report.ts";

const USAGE = "usage: npm run spec:check -- --base <git-ref> [--out <file.md>]";

/** Writes the report to `--out`, creating its folder (e.g. the git-ignored `artifacts/`). */
async function writeReport(out: string, report: string): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeFile(out, report);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new SpecCheckError(`cannot write the report to --out '${out}': ${reason}. Pass a file in a folder you can write to.`);
  }
}

/** Where the command prints: the process's streams, or a test's buffers. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

/** Runs `spec:check` with `argv` in `cwd`; resolves to its exit code (0 passed, 1 failed, 2 cannot run). */
export async function specCheckCommand(argv: string[], cwd: string, output: CommandOutput): Promise<number> {
  let values: { base?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { base: { type: "string" }, out: { type: "string" }, help: { type: "boolean" } } }));
  } catch (error) {
    output.err(`spec:check: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    output.out(`${USAGE}\n`);
    return 0;
  }
  if (!values.base) {
    output.err(`spec:check: --base is required: the git ref to compare the spec with (for a pull request, the default branch: --base main).\n${USAGE}\n`);
    return 2;
  }
  try {
    // Loaded once the arguments are known to be good, the ref included (two git calls,
    // which the check makes again): the checks bring TypeScript, openapi-typescript and
    // Redocly (seconds of CPU to load), which a usage error or a mistyped ref does not need.
    await resolveBase(await repositoryRoot(cwd), values.base);
    const { specCheck } = await import("./check.ts");
    const result = await specCheck({ cwd, base: values.base });
    const report = renderReport(result);
    output.out(report);
    if (values.out) await writeReport(values.out, report);
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof SpecCheckError) {
      output.err(`spec:check: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

