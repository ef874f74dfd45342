import { describe, expect, it } from "vitest";
import type { Change } from "../spec-check/classify.ts";
import type { Changeset } from "../spec-check/changesets.ts";
import { applyPolicy, newDatedVersions, type PolicyInput } from "../spec-check/policy.ts";
import type { TypesDiff } from "../spec-check/types-diff.ts";

const breakingChange: Change = {
  area: "schema",
  kind: "changed",
  subject: "ContentType",
  detail: "enum: −`image/png`",
  operations: ["POST /files"],
  beta: false,
  breaking: true,
  rules: ["enum-values-removed-from-response"],
  why: "The generated union loses the value.",
};
const harmlessChange: Change = { ...breakingChange, breaking: false, rules: [], detail: "description: edited" };
const typesChanged: TypesDiff = { changed: true, files: [{ file: "constants.ts", added: 0, removed: 1, literalsAdded: [], literalsRemoved: [], commentsOnly: false, patch: "-x" }] };
const commentsOnly: TypesDiff = { changed: false, files: [{ file: "openapi.ts", added: 1, removed: 1, literalsAdded: [], literalsRemoved: [], commentsOnly: true, patch: "" }] };
const noTypes: TypesDiff = { changed: false, files: [] };
const changeset = (releases: Record<string, string>): Changeset => ({ file: ".changeset/a-b-c.md", releases, summary: "Why." });
const versions = { base: ["2024-11-01"], revision: ["2024-11-01"] };

function input(overrides: Partial<PolicyInput>): PolicyInput {
  return { changes: [], typesDiff: noTypes, changesets: [], apiVersions: versions, ...overrides };
}

describe("breaking changes to an existing Api-Version", () => {
  it.each<[string, Partial<PolicyInput>, boolean]>([
    ["fail when nothing allows them", { changes: [breakingChange] }, false],
    ["fail when the changeset releases the client as a minor", { changes: [breakingChange], changesets: [changeset({ "@lucca-api/client": "minor" })] }, false],
    ["fail when only the types get a major", { changes: [breakingChange], changesets: [changeset({ "@lucca-api/types": "major" })] }, false],
    ["fail on beta operations too: the beta terms allow the change, the acknowledgement is still due", { changes: [{ ...breakingChange, beta: true }] }, false],
    ["pass when a changeset gives @lucca-api/client a major bump", { changes: [breakingChange], changesets: [changeset({ "@lucca-api/client": "major" })] }, true],
    ["pass when the change introduces a new dated Api-Version", { changes: [breakingChange], apiVersions: { base: ["2024-11-01"], revision: ["2024-11-01", "2026-12-01"] } }, true],
    ["pass when there are none", { changes: [harmlessChange] }, true],
    [
      "fail when an Api-Version is removed, even as a new one comes (clients pinned to the old one break)",
      { changes: [breakingChange], apiVersions: { base: ["2024-11-01"], revision: ["2026-12-01"] } },
      false,
    ],
    [
      "pass an Api-Version removed with a major changeset for the client",
      { changes: [breakingChange], apiVersions: { base: ["2024-11-01"], revision: ["2026-12-01"] }, changesets: [changeset({ "@lucca-api/client": "major" })] },
      true,
    ],
  ])("%s", (_, given, ok) => {
    expect(applyPolicy(input(given)).breaking.ok).toBe(ok);
  });

  it("tells the author both ways out, naming the command that adds a changeset", () => {
    const { breaking } = applyPolicy(input({ changes: [{ ...breakingChange, beta: true }] }));
    expect(breaking.summary).toContain("1 breaking change to Api-Version 2024-11-01, not acknowledged");
    expect(breaking.summary).toContain("the beta terms allow it, but it must still be acknowledged");
    expect(breaking.fix).toMatch(/^Either introduce a new dated Api-Version value for the change, or acknowledge the break/);
    expect(breaking.fix).toContain("`npx changeset`");
    expect(breaking.fix).toContain("**major**");
  });
});

describe("new dated Api-Version values", () => {
  it.each<[string, string[], string[], string[]]>([
    ["a later date counts", ["2024-11-01"], ["2024-11-01", "2026-12-01"], ["2026-12-01"]],
    ["an earlier date does not (it would resolve to an older version)", ["2024-11-01"], ["2023-01-01", "2024-11-01"], []],
    ["a value that is not a date does not", ["2024-11-01"], ["2024-11-01", "next"], []],
    ["an impossible date does not", ["2024-11-01"], ["2024-11-01", "2026-13-45"], []],
    ["the same versions are none", ["2024-11-01"], ["2024-11-01"], []],
  ])("%s", (_, base, revision, want) => {
    expect(newDatedVersions(base, revision)).toEqual(want);
  });
});

describe("a spec change that alters the generated types", () => {
  it.each<[string, Partial<PolicyInput>, boolean]>([
    ["fails without a changeset", { typesDiff: typesChanged }, false],
    ["fails with a changeset that does not release @lucca-api/types", { typesDiff: typesChanged, changesets: [changeset({ "@lucca-api/client": "patch" })] }, false],
    ["passes with a changeset that releases @lucca-api/types", { typesDiff: typesChanged, changesets: [changeset({ "@lucca-api/types": "patch" })] }, true],
    ["needs none when only doc comments change", { typesDiff: commentsOnly }, true],
    ["needs none when the types do not change", { typesDiff: noTypes }, true],
  ])("%s", (_, given, ok) => {
    expect(applyPolicy(input(given)).changeset.ok).toBe(ok);
  });

  it("says which command adds the changeset", () => {
    expect(applyPolicy(input({ typesDiff: typesChanged })).changeset.fix).toMatch(/^Run `npx changeset`, select @lucca-api\/types/);
  });
});
