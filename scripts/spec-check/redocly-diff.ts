/**
 * Runs Redocly's `diff` between the two bundles. It is the maintained tool that finds and
 * rates the changes (a rule per kind of break, aware of request and response direction);
 * classify.ts only adds this project's policy on top. It runs in this process
 * (redocly-diff-in-process.ts): a Redocly process per pair cost 0.4 s of CPU.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { clean } from "./exec.ts";
import { SpecCheckError } from "./errors.ts";
import { diffInProcess } from "./redocly-diff-in-process.ts";

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

/** Redocly's changes from `basePath` to `revisionPath`; `work` is a folder for the report. */
export async function redoclyDiff(basePath: string, revisionPath: string, work: string): Promise<RedoclyChange[]> {
  const folder = await mkdtemp(path.join(work, "redocly-diff-"));
  try {
    const reportFile = path.join(folder, "report.json");
    const run = await diffInProcess(basePath, revisionPath, reportFile);
    if (!run.ok) throw new SpecCheckError(`redocly diff did not produce a report:\n${clean(run.why)}`);
    let report: { reportVersion: string; changes: RedoclyChange[] };
    try {
      report = JSON.parse(await readFile(reportFile, "utf8"));
    } catch {
      throw new SpecCheckError(`redocly diff did not produce a report in ${reportFile}`);
    }
    if (report.reportVersion !== "1")
      throw new SpecCheckError(`redocly diff wrote report version ${report.reportVersion}; spec-check reads version 1. Update scripts/spec-check/redocly-diff.ts.`);
    return report.changes;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
