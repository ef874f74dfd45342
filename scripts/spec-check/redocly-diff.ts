/**
 * Runs Redocly's `diff` between the two bundles. It is the maintained tool that finds and
 * rates the changes (a rule per kind of break, aware of request and response direction);
 * classify.ts only adds this project's policy on top.
 */
import { clean, exec } from "./exec.ts";
import { SpecCheckError } from "./errors.ts";
import { diffConfig, redocly } from "./tools.ts";

export interface DiffSide {
  pointer: string;
  value?: unknown;
}

export interface RedoclyVerdict {
  ruleId: string;
  impact: string;
  message: string;
}

/** One change of Redocly's JSON report (`reportVersion` 1). */
export interface RedoclyChange {
  /** Where the change is, reached from the document's root (through `$ref`s). */
  path: string;
  kind: "added" | "removed" | "modified";
  impact: "major" | "minor" | "patch";
  verdicts: RedoclyVerdict[];
  property?: string;
  base?: DiffSide;
  revision?: DiffSide;
}

export async function redoclyDiff(basePath: string, revisionPath: string, cwd: string): Promise<RedoclyChange[]> {
  const result = await exec(
    redocly,
    ["diff", basePath, revisionPath, "--config", diffConfig, "--format", "json", "--fail-on", "none"],
    { cwd },
  );
  let report: { reportVersion: string; changes: RedoclyChange[] };
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new SpecCheckError(`redocly diff did not produce a report:\n${clean(result.stderr || result.stdout)}`);
  }
  if (report.reportVersion !== "1")
    throw new SpecCheckError(`redocly diff wrote report version ${report.reportVersion}; spec-check reads version 1. Update scripts/spec-check/redocly-diff.ts.`);
  return report.changes;
}
