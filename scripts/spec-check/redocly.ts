/** Redocly's bundle and lint, run on a checked-out spec with that checkout's own redocly.yaml. */
import path from "node:path";
import { clean, exec } from "./exec.ts";
import { SpecCheckError } from "./errors.ts";
import { layout, redocly } from "./tools.ts";

/** Bundles `<root>/spec/openapi.yaml` into one JSON file, `$ref`s to `#/components/...` kept. */
export async function bundle(root: string, out: string, label: string): Promise<void> {
  const result = await exec(
    redocly,
    ["bundle", "--config", path.join(root, layout.redoclyConfig), path.join(root, layout.spec), "-o", out],
    { cwd: root },
  );
  if (result.code !== 0)
    throw new SpecCheckError(`the spec at ${label} does not bundle (redocly bundle ${layout.spec}):\n${clean(result.stderr || result.stdout)}`);
}

export interface LintProblem {
  severity: string;
  ruleId: string;
  message: string;
  /** `file#/json/pointer`, relative to the repository. */
  where: string;
}

export interface LintResult {
  ok: boolean;
  problems: LintProblem[];
}

/** Lints the working tree's spec with the house rules; any problem, warning or error, fails. */
export async function lint(repo: string): Promise<LintResult> {
  const result = await exec(
    redocly,
    ["lint", "--config", path.join(repo, layout.redoclyConfig), path.join(repo, layout.spec), "--format", "json"],
    { cwd: repo },
  );
  let parsed: { problems: Array<{ severity: string; ruleId: string; message: string; location: Array<{ source: { ref: string }; pointer: string }> }> };
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    throw new SpecCheckError(`redocly lint did not run on ${layout.spec}:\n${clean(result.stderr || result.stdout)}`);
  }
  const problems = parsed.problems.map((problem) => {
    const location = problem.location[0];
    const file = location ? path.relative(repo, path.resolve(repo, location.source.ref)) : layout.spec;
    return { severity: problem.severity, ruleId: problem.ruleId, message: problem.message, where: `${file}${location?.pointer ?? ""}` };
  });
  return { ok: result.code === 0 && problems.length === 0, problems };
}
