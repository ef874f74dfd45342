import { describe, expect, it } from "vitest";
import { compareWithBase, verdictAgainstBase } from "./compare-fixtures.ts";

describe("a change that breaks clients is caught", () => {
  it.each([
    ["an operation removed", "operation-removed", { area: "operation", kind: "removed", subject: "POST /files", rule: "path-removed" }],
    ["a parameter made required", "parameter-made-required", { area: "parameter", subject: "`include` (query)", rule: "parameter-became-required" }],
    ["a content type removed from the enum", "content-type-removed", { area: "schema", subject: "ContentType", rule: "enum-values-removed-from-response" }],
    ["a content type added to an enum read in responses", "content-type-added", { area: "schema", subject: "ContentType", rule: "enum-values-added" }],
    ["a response schema changed incompatibly", "response-schema-incompatible", { area: "schema", subject: "File", rule: "schema-type-changed" }],
    ["a security scope changed", "security-scope-changed", { area: "security", subject: "security requirements", rule: "security-requirement-changed" }],
    ["a response media type removed", "media-type-removed", { area: "response", subject: "200 application/octet-stream", rule: "media-type-removed" }],
  ])("%s", async (_, revision, want) => {
    const changes = await compareWithBase(revision);
    const breaking = changes.filter((change) => change.breaking);
    const found = breaking.find((change) => change.rules.includes(want.rule));
    expect(found, `no breaking change by ${want.rule} in ${JSON.stringify(breaking, null, 2)}`).toBeDefined();
    expect(found).toMatchObject({ area: want.area, subject: want.subject, ...("kind" in want ? { kind: want.kind } : {}) });
    expect(found!.why).toMatch(/\w/);
    expect((await verdictAgainstBase(revision, changes)).ok).toBe(false);
  });

  it("names every operation a shared schema reaches, and marks the change beta when all of them are", async () => {
    const [change] = (await compareWithBase("content-type-removed")).filter((c) => c.breaking);
    expect(change).toMatchObject({ operations: ["POST /files", "GET /files/{id}"], beta: true, detail: "enum: −`image/png`" });
  });
});

describe("a change that keeps clients working passes", () => {
  it.each([
    ["a new optional parameter", "new-optional-parameter", "parameter"],
    ["a description edit", "description-edited", "operation"],
    ["a new example", "example-added", "response"],
    ["a new dated Api-Version value (a request enum that grows)", "new-api-version", "parameter"],
  ])("%s", async (_, revision, area) => {
    const changes = await compareWithBase(revision);
    expect(changes.map((change) => change.area)).toContain(area);
    expect(changes.filter((change) => change.breaking)).toEqual([]);
    expect((await verdictAgainstBase(revision, changes)).ok).toBe(true);
  });
});
