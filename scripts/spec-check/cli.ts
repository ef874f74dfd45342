/**
 * `npm run spec:check -- --base <git-ref> [--out report.md]`
 *
 * The spec's pull-request gate: lint, examples, generated-types drift, breaking changes
 * against `--base` and the changeset rule (CONTRIBUTING.md). Prints a Markdown report,
 * also written to `--out`. Exits 0 when every check passes, 1 when one fails, 2 when the
 * check cannot run (bad arguments, unknown ref, a spec that does not bundle).
 */
import { specCheckCommand } from "./command.ts";

process.exitCode = await specCheckCommand(process.argv.slice(2), process.cwd(), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
