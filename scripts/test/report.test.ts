import { describe, expect, it } from "vitest";
import type { CheckResult } from "../spec-check/check.ts";
import { renderReport } from "../spec-check/report.ts";

const passing: CheckResult = {
  ok: true,
  repo: "/repo",
  base: { ref: "main", commit: "c".repeat(40), mergeBase: "a".repeat(40) },
  lint: { ok: true, problems: [] },
  examples: { ok: true, checked: 3, failures: [] },
  drift: { ok: true, message: "generated types are up to date with spec/" },
  changes: [],
  typesDiff: { changed: false, files: [] },
  changesets: [],
  policy: {
    breaking: { ok: true, summary: "no breaking change" },
    changeset: { ok: true, summary: "generated types unchanged: no changeset needed" },
    newApiVersions: [],
  },
};

describe("the report", () => {
  it("says what it compared: the ref and the merge base it resolved to", () => {
    expect(renderReport(passing)).toContain("The spec in the working tree, compared with `main` at its merge base `aaaaaaaaaaaa`.");
  });

  it("lists lint problems and invalid examples, with what to do in To fix", () => {
    const report = renderReport({
      ...passing,
      ok: false,
      lint: { ok: false, problems: [{ severity: "error", ruleId: "operation-summary", message: "Operation object should contain `summary` field.", where: "spec/paths/files.yaml#/post/summary" }] },
      examples: { ok: false, checked: 3, failures: ["POST /files 201 application/json: data/id must be string"] },
    });
    expect(report).toContain("## Spec check: ❌ failed");
    expect(report).toContain("| Lint (Redocly, `redocly.yaml`) | ❌ 1 problem |");
    expect(report).toContain("| Examples (Ajv) | ❌ 1 example invalid |");
    expect(report).toContain("- **Lint**: fix the problems listed below; `npm run lint` shows them with their context.");
    expect(report).toContain("- error `operation-summary`: Operation object should contain `summary` field. (at `spec/paths/files.yaml#/post/summary`)");
    expect(report).toContain("- POST /files 201 application/json: data/id must be string");
  });

  it("escapes table cells, so a detail with a pipe does not break the table", () => {
    const report = renderReport({
      ...passing,
      changes: [{ area: "schema", kind: "changed", subject: "File", detail: "pattern: `a|b` → `a`", operations: [], beta: false, breaking: false, rules: [] }],
    });
    expect(report).toContain("| changed | File |  | pattern: `a\\|b` → `a` | no |");
  });
});
