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
const typesChanged: TypesDiff = { changed: true, files: [{ file: "constants.ts", effect: "declarations", added: 0, removed: 1, changes: [], patch: "-x" }] };
/** Declarations only added: a new optional property (harmless), or a new required parameter (code that omits it stops compiling). */
const typesAdded: TypesDiff = { changed: true, files: [{ file: "openapi.ts", effect: "declarations", added: 1, removed: 0, changes: [], patch: "+x" }] };
const commentsOnly: TypesDiff = { changed: false, files: [{ file: "openapi.ts", effect: "comments", added: 1, removed: 1, changes: [], patch: "" }] };
const orderOnly: TypesDiff = { changed: false, files: [{ file: "openapi.ts", effect: "order", added: 1, removed: 1, changes: [], patch: "" }] };
const noTypes: TypesDiff = { changed: false, files: [] };
const changeset = (releases: Record<string, string>): Changeset => ({ file: ".changeset/a-b-c.md", releases, summary: "Why." });
const versions = { base: ["2024-11-01"], revision: ["2024-11-01"] };
const newVersion = { base: ["2024-11-01"], revision: ["2024-11-01", "2026-12-01"] };
const client = "@lucca-api/client";
const types = "@lucca-api/types";

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

  it("shows the bump it found, and says which packages must be major", () => {
    const { breaking } = applyPolicy(input({ changes: [breakingChange], typesDiff: typesChanged, changesets: [changeset({ [client]: "minor", [types]: "minor" })] }));
    expect(breaking.summary).toBe(
      "1 breaking change to Api-Version 2024-11-01, not acknowledged; @lucca-api/client must be major, " +
        "found @lucca-api/client: minor (`.changeset/a-b-c.md`), @lucca-api/types: minor (`.changeset/a-b-c.md`)",
    );
    expect(breaking.fix).toContain(
      "choose **major** for @lucca-api/client (now minor in `.changeset/a-b-c.md`) and @lucca-api/types (now minor in `.changeset/a-b-c.md`),",
    );
  });

  it("says what allowed the break, for the report's beta note", () => {
    expect(applyPolicy(input({ changes: [breakingChange], changesets: [changeset({ [client]: "major" })] })).allowedBy).toEqual({ changeset: ".changeset/a-b-c.md" });
    expect(applyPolicy(input({ changes: [breakingChange], apiVersions: newVersion })).allowedBy).toEqual({ apiVersions: ["2026-12-01"] });
    expect(applyPolicy(input({ changes: [breakingChange] })).allowedBy).toBeUndefined();
  });
});

describe("@lucca-api/types takes a major whenever a break comes with changed declarations (they describe every Api-Version at once)", () => {
  it.each<[string, Partial<PolicyInput>, boolean]>([
    ["fails a break acknowledged by the client's major while the types are minor", { typesDiff: typesChanged, changesets: [changeset({ [client]: "major", [types]: "minor" })] }, false],
    ["fails a break covered by a new Api-Version while the types are minor", { typesDiff: typesChanged, apiVersions: newVersion, changesets: [changeset({ [types]: "minor" })] }, false],
    ["passes with both majors", { typesDiff: typesChanged, changesets: [changeset({ [client]: "major", [types]: "major" })] }, true],
    ["passes a break covered by a new Api-Version with the types major", { typesDiff: typesChanged, apiVersions: newVersion, changesets: [changeset({ [types]: "major" })] }, true],
    ["takes the highest bump when several changesets release the types", { typesDiff: typesChanged, changesets: [changeset({ [types]: "patch" }), { ...changeset({ [client]: "major", [types]: "major" }), file: ".changeset/d-e-f.md" }] }, true],
    ["fails a break whose declarations are only added while the types are minor (a new required parameter only adds a line)", { typesDiff: typesAdded, changesets: [changeset({ [client]: "major", [types]: "minor" })] }, false],
    ["asks no changeset of the types when the break leaves them as they are", { typesDiff: noTypes, changesets: [changeset({ [client]: "major" })] }, true],
  ])("%s", (_, given, ok) => {
    expect(applyPolicy(input({ changes: [breakingChange], ...given })).changeset.ok).toBe(ok);
  });

  it("asks no major when nothing breaks, even if declarations are rewritten (a request enum that grows)", () => {
    expect(applyPolicy(input({ changes: [harmlessChange], typesDiff: typesChanged, changesets: [changeset({ [types]: "minor" })] })).changeset.ok).toBe(true);
  });

  it.each<[string, Partial<PolicyInput>, string[]]>([
    ["the client to acknowledge, the types for their declarations", { changes: [breakingChange], typesDiff: typesChanged }, [client, types]],
    ["only the types when a new Api-Version covers the break", { changes: [breakingChange], typesDiff: typesChanged, apiVersions: newVersion }, [types]],
    ["only the client when the types do not change", { changes: [breakingChange] }, [client]],
    ["none when nothing breaks", { changes: [harmlessChange], typesDiff: typesChanged }, []],
  ])("names the packages that must be major: %s", (_, given, want) => {
    expect(applyPolicy(input(given)).requiredMajors.map((major) => major.name)).toEqual(want);
  });

  it("says in the changeset row what it found, and in the fix why the types must be major", () => {
    const { changeset: verdict } = applyPolicy(input({ changes: [breakingChange], typesDiff: typesChanged, changesets: [changeset({ [client]: "major", [types]: "minor" })] }));
    expect(verdict.summary).toBe(
      "breaking changes come with changed type declarations, so @lucca-api/types must be major; found @lucca-api/client: major (`.changeset/a-b-c.md`), @lucca-api/types: minor (`.changeset/a-b-c.md`)",
    );
    expect(verdict.fix).toContain(
      "choose **major** for @lucca-api/types (now minor in `.changeset/a-b-c.md`): the change breaks clients and alters the declarations, which describe every Api-Version at once: code written against what changed may stop compiling, whichever version it sends.",
    );
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
    ["needs none when only the order of object members changes", { typesDiff: orderOnly }, true],
    ["needs none when the types do not change", { typesDiff: noTypes }, true],
  ])("%s", (_, given, ok) => {
    expect(applyPolicy(input(given)).changeset.ok).toBe(ok);
  });

  it("says which command adds the changeset", () => {
    expect(applyPolicy(input({ typesDiff: typesChanged })).changeset.fix).toMatch(/^Run `npx changeset`, select @lucca-api\/types/);
  });

  it.each<[string, Partial<PolicyInput>, string]>([
    ["the release it found", { typesDiff: typesAdded, changesets: [changeset({ [types]: "minor" })] }, "generated types change; found @lucca-api/types: minor (`.changeset/a-b-c.md`)"],
    ["that it found none", { typesDiff: typesAdded }, "the spec change alters the generated types, but the branch adds no changeset releasing @lucca-api/types; found no changeset"],
    ["that member order is no change", { typesDiff: orderOnly }, "generated types change in member order only: no changeset needed"],
  ])("the changeset row says %s", (_, given, summary) => {
    expect(applyPolicy(input(given)).changeset.summary).toBe(summary);
  });
});
