import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderTypes } from "../../packages/types/scripts/render-types.ts";
import { writeTypes } from "../spec-check/generated-types.ts";
import { diffTypes } from "../spec-check/types-diff.ts";
import { readFixture } from "./compare-fixtures.ts";
import type { CheckResult } from "../spec-check/check.ts";
import { classify, type Change } from "../spec-check/classify.ts";
import { applyPolicy } from "../spec-check/policy.ts";
import type { RedoclyChange } from "../spec-check/redocly-diff.ts";
import { renderReport } from "../spec-check/report.ts";
import type { TypesDiff } from "../spec-check/types-diff.ts";

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
    releases: {},
    requiredMajors: [],
  },
};

const betaBreak: Change = {
  area: "schema",
  kind: "changed",
  subject: "ContentType",
  detail: "enum: −`image/png`",
  operations: ["POST /files"],
  beta: true,
  breaking: true,
  rules: ["enum-values-removed-from-response"],
  why: "The generated union loses the value.",
};
const typesRewritten: TypesDiff = { changed: true, files: [{ file: "openapi.ts", effect: "declarations", added: 1, removed: 1, changes: [], patch: "-a\n+b" }] };
const versions = { base: ["2024-11-01"], revision: ["2024-11-01"] };

/** The report of a beta break, with the policy applied to the given changesets and versions. */
function reportOf(releases: Record<string, string>, apiVersions = versions, typesDiff: TypesDiff = { changed: false, files: [] }): string {
  const changesets = Object.keys(releases).length > 0 ? [{ file: ".changeset/drop-png.md", releases, summary: "Drop PNG." }] : [];
  const policy = applyPolicy({ changes: [betaBreak], typesDiff, changesets, apiVersions });
  return renderReport({ ...passing, ok: policy.breaking.ok && policy.changeset.ok, changes: [betaBreak], typesDiff, changesets, policy });
}

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

  it.each([
    ["not acknowledged, says the change must still be acknowledged", {}, versions, "clients still break, so the change must still be acknowledged."],
    [
      "acknowledged, names the changeset instead",
      { "@lucca-api/client": "major" },
      versions,
      "clients still break, and `.changeset/drop-png.md` acknowledges it (@lucca-api/client: major).",
    ],
    ["covered by a new Api-Version, names the version", {}, { base: ["2024-11-01"], revision: ["2024-11-01", "2026-12-01"] }, "clients still break, and the new Api-Version 2026-12-01 covers it."],
  ])("the beta note of a break %s", (_, releases, apiVersions, note) => {
    const report = reportOf(releases, apiVersions);
    expect(report).toContain("   - Beta: every operation it affects is beta (`x-lucca-beta`).");
    expect(report).toContain(note);
    if (Object.keys(releases).length > 0) expect(report).not.toContain("must still be acknowledged");
  });

  it("shows in the changeset row the bumps it found, and in To fix the packages that must be major", () => {
    const report = reportOf({ "@lucca-api/client": "minor", "@lucca-api/types": "minor" }, versions, typesRewritten);
    expect(report).toContain(
      "| Changeset | ❌ breaking changes come with changed type declarations, so @lucca-api/types must be major; found @lucca-api/client: minor (`.changeset/drop-png.md`), @lucca-api/types: minor (`.changeset/drop-png.md`) |",
    );
    expect(report).toMatch(/- \*\*Breaking changes\*\*: .*choose \*\*major\*\* for @lucca-api\/client \(now minor in `.changeset\/drop-png.md`\) and @lucca-api\/types \(now minor/);
    expect(report).toMatch(/- \*\*Changeset\*\*: .*choose \*\*major\*\* for @lucca-api\/types/);
  });

  it("says a file whose object members only moved is no change", () => {
    const report = renderReport({
      ...passing,
      typesDiff: { changed: false, files: [{ file: "openapi.ts", effect: "order", added: 1, removed: 1, changes: [], patch: "" }] },
    });
    expect(report).toContain("- `openapi.ts`: the order of object members only, which is not a change");
  });
});

/** A component's key edited, as Redocly reports a component renamed in place. */
function keyRenamed(kind: string, before: string, after: string): RedoclyChange {
  return {
    path: `#/components/${kind}/${after}`,
    kind: "modified",
    impact: "patch",
    verdicts: [],
    property: "key",
    base: { pointer: `#/components/${kind}/${before}`, value: before },
    revision: { pointer: `#/components/${kind}/${after}`, value: after },
  };
}

describe("the report's names for a shared component", () => {
  const rangeParameter = { name: "Range", in: "header", schema: { type: "string" } };
  const documents = {
    base: { paths: {}, components: { parameters: { ApiVersion: { name: "Api-Version", in: "header" }, Range: rangeParameter }, headers: { Location: {} }, responses: { NotFound: {} } } },
    revision: { paths: {}, components: { parameters: { ApiVersionHeader: { name: "Api-Version", in: "header" } }, headers: { LocationHeader: {} }, responses: { FileNotFound: {} } } },
  };
  const removed = (kind: string, name: string): RedoclyChange => ({ path: `#/components/${kind}/${name}`, kind: "removed", impact: "patch", verdicts: [], base: { pointer: `#/components/${kind}/${name}` } });

  it.each([
    ["a parameter renamed in place, by its header and component, not as a document path", keyRenamed("parameters", "ApiVersion", "ApiVersionHeader"), "**parameter `Api-Version` (header, component `ApiVersionHeader`) changed**"],
    ["a parameter component removed (Redocly's view of some renames)", removed("parameters", "Range"), "**parameter `Range` (header, component `Range`) removed**"],
    ["a response header renamed in place", keyRenamed("headers", "Location", "LocationHeader"), "**response `LocationHeader` header changed**"],
    ["a response renamed in place", keyRenamed("responses", "NotFound", "FileNotFound"), "**response `FileNotFound` changed**"],
  ])("names %s", (_, change, heading) => {
    const row = classify(change, documents);
    expect(row.breaking).toBe(true);
    const report = renderReport({ ...passing, changes: [row] });
    expect(report).toContain(heading);
    expect(report).not.toContain("document components/");
  });
});

describe("the report's effect on the generated types", () => {
  it("lists, for a new object schema and new properties, what each type's user meets, not every string literal of the new lines", async () => {
    const work = await mkdtemp(path.join(tmpdir(), "report-types-"));
    try {
      for (const [side, fixture] of [["base", "base"], ["revision", "object-added"]])
        await writeTypes({ "openapi.ts": await renderTypes(await readFixture(fixture!)) }, path.join(work, side!));
      const typesDiff = await diffTypes(path.join(work, "base"), path.join(work, "revision"), path.join(work, "diff"));
      const report = renderReport({ ...passing, typesDiff });
      const section = report.slice(report.indexOf("### Effect on the generated types"), report.indexOf("<details>")).trim();
      expect(section).toBe(
        [
          "### Effect on the generated types",
          "",
          "- `openapi.ts`: +7 −0 lines of declarations",
          '  - `components["schemas"]["File"]`: +optional `size` (`number`); +optional `thumbnail` (`components["schemas"]["Thumbnail"]`)',
          '  - `components["schemas"]`: +required `Thumbnail` (`{ url: string; contentType?: components["schemas"]["ContentType"]; scale?: "smal …`)',
        ].join("\n"),
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
