/**
 * `npm run spec:check -- --base <git-ref> [--out report.md]`
 *
 * The spec's pull-request gate: lint, examples, generated-types drift, breaking changes
 * against `--base` and the changeset rule (CONTRIBUTING.md). Prints a Markdown report,
 * also written to `--out`. Exits 0 when every check passes, 1 when one fails, 2 when the
 * check cannot run (bad arguments, unknown ref, a spec that does not bundle).
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

async function main(argv: string[]): Promise<number> {
  let values: { base?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { base: { type: "string" }, out: { type: "string" }, help: { type: "boolean" } } }));
  } catch (error) {
    console.error(`spec:check: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.base) {
    console.error(`spec:check: --base is required: the git ref to compare the spec with (for a pull request, the default branch: --base main).\n${USAGE}`);
    return 2;
  }
  try {
    // Loaded once the arguments are known to be good, the ref included (two git calls,
    // which the check makes again): the checks bring TypeScript, openapi-typescript and
    // Redocly (seconds of CPU to load), which a usage error or a mistyped ref does not need.
    await resolveBase(await repositoryRoot(process.cwd()), values.base);
    const { specCheck } = await import("./check.ts");
    const result = await specCheck({ cwd: process.cwd(), base: values.base });
    const report = renderReport(result);
    process.stdout.write(report);
    if (values.out) await writeReport(values.out, report);
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof SpecCheckError) {
      console.error(`spec:check: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
