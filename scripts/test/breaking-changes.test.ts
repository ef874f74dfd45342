import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { classifyAll } from "../spec-check/classify.ts";
import type { RedoclyChange } from "../spec-check/redocly-diff.ts";
import { compareAhead, compareWithBase, readFixture, verdictAgainstBase } from "./compare-fixtures.ts";

beforeAll(async () => {
  const fixtures = await readdir(new URL("./fixtures/", import.meta.url));
  await compareAhead(fixtures.filter((name) => name.endsWith(".yaml") && name !== "base.yaml").map((name) => name.replace(/\.yaml$/, "")));
}, 120_000);

describe("a change that breaks clients is caught", () => {
  it.each([
    ["an operation removed", "operation-removed", { area: "operation", kind: "removed", subject: "POST /files", rule: "path-removed" }],
    ["a parameter made required", "parameter-made-required", { area: "parameter", subject: "`include` (query)", rule: "parameter-became-required" }],
    ["a content type removed from the enum", "content-type-removed", { area: "schema", subject: "ContentType", rule: "enum-values-removed-from-response" }],
    ["a content type added to an enum read in responses", "content-type-added", { area: "schema", subject: "ContentType", rule: "enum-values-added" }],
    ["a response schema changed incompatibly", "response-schema-incompatible", { area: "schema", subject: "File", rule: "schema-type-changed" }],
    ["a security scope changed", "security-scope-changed", { area: "security", subject: "security requirements", rule: "security-requirement-changed" }],
    ["a response media type removed", "media-type-removed", { area: "response", subject: "200 application/octet-stream", rule: "media-type-removed" }],
    ["a response status removed", "response-status-removed", { area: "response", kind: "removed", subject: "304", rule: "response-removed" }],
    ["a response header made optional (Redocly rates it a patch)", "response-header-optional", { area: "response", subject: "`ETag` header", rule: "response-header-became-optional" }],
    [
      "a value removed from a server variable's enum (Redocly rates it a patch)",
      "server-variable-narrowed",
      { area: "document", subject: "server `https://{account}.ilucca.{tld}`", rule: "server-variable-values-removed" },
    ],
    ["a parameter's default changed (Redocly rates it a patch)", "parameter-default-changed", { area: "parameter", subject: "`disposition` (query)", rule: "default-changed" }],
    ["a parameter's default removed", "parameter-default-removed", { area: "parameter", subject: "`disposition` (query)", rule: "default-changed" }],
    ["the OAuth 2 token URL moved (Redocly does not rate it)", "token-url-moved", { area: "security", subject: "scheme `oauth2`", rule: "security-url-changed" }],
    ["a value removed from a shared request parameter's enum", "include-value-removed", { area: "parameter", subject: "`include` (query)", rule: "enum-values-removed" }],
    ["a schema renamed (the wire is the same, the generated types lose the old name)", "schema-renamed", { area: "schema", kind: "removed", subject: "File", rule: "component-removed" }],
    ["a scope no longer accepted", "security-scope-removed", { area: "security", subject: "security requirements", rule: "security-requirement-changed" }],
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

describe("a change to a shared part is credited to every operation it reaches (Redocly reports it once, where it first meets it)", () => {
  it.each([
    ["a shared response header", "response-header-optional"],
    ["a shared parameter", "include-value-removed"],
    ["a security scheme", "token-url-moved"],
    ["a server", "server-variable-narrowed"],
  ])("%s: all three operations, and not beta, since the stable HEAD is one of them", async (_, revision) => {
    const [change] = await compareWithBase(revision);
    expect(change).toMatchObject({ operations: ["POST /files", "GET /files/{id}", "HEAD /files/{id}"], beta: false, breaking: true });
  });
});

describe("what the report says of a change", () => {
  it.each([
    [
      "a removed requirement names its scope, not only its scheme",
      "security-scope-removed",
      {
        detail: "`oauth2` [`files.readwrite`]: removed",
        finding: "The security requirement `oauth2` with scope `files.readwrite` is no longer accepted: a token that carries only that scope is refused.",
      },
    ],
    [
      "a scope swapped names both the scope lost and the one required",
      "security-scope-changed",
      { finding: "The security requirement `oauth2` no longer accepts scope `files.readwrite`, and now requires scope `files.write`." },
    ],
    ["string → integer is a type changed, not widened", "response-schema-incompatible", { finding: "Type of `id` changed from 'string' to 'integer'." }],
    [
      "a moved URL shows the old and the new one",
      "token-url-moved",
      {
        detail: "flows/clientCredentials/tokenUrl: `https://example.test/token` → `https://auth.elsewhere.example/oauth2/v2/token`",
        finding: "`tokenUrl` of `oauth2` moved: `https://example.test/token` → `https://auth.elsewhere.example/oauth2/v2/token`.",
      },
    ],
    ["a default changed shows the old and the new default", "parameter-default-changed", { finding: "The default of `disposition` (query) changed: `json` → `attachment`." }],
    ["a server variable narrowed names the value it lost", "server-variable-narrowed", { detail: "variables/tld/enum: −`ch`", finding: "Server variable `tld` no longer offers `ch`." }],
    ["a response header made optional names the header", "response-header-optional", { detail: "required: `true` → `false`", finding: "Response header `ETag` is no longer required." }],
  ])("%s", async (_, revision, want) => {
    const [change] = (await compareWithBase(revision)).filter((c) => c.breaking);
    expect(change).toMatchObject(want);
  });

  it("gives a removed status the reason of a removal (the status is gone), not that of an addition", async () => {
    const [change] = await compareWithBase("response-status-removed");
    expect(change!.why).toMatch(/^The generated types lose the status: code that reads its body or headers stops compiling/);
    expect(change!.why).not.toMatch(/no code or type for/);
  });
});

describe("a change that keeps clients working passes", () => {
  it.each([
    ["a new optional parameter", "new-optional-parameter", "parameter"],
    ["a description edit", "description-edited", "operation"],
    ["a new example", "example-added", "response"],
    ["a new dated Api-Version value (a request enum that grows)", "new-api-version", "parameter"],
    ["a pattern every value of the old request enum matches", "api-version-pattern-added", "parameter"],
    ["descriptions on a server and its variables (Redocly reports the server removed and added again)", "server-described", "document"],
  ])("%s", async (_, revision, area) => {
    const changes = await compareWithBase(revision);
    expect(changes.map((change) => change.area)).toContain(area);
    expect(changes.filter((change) => change.breaking)).toEqual([]);
    expect((await verdictAgainstBase(revision, changes)).ok).toBe(true);
  });
});

describe("a constraint added to a value the client sends, when the old schema was a closed enum", () => {
  it("is not breaking when every old value still validates (Redocly rates the constraint alone), and the report shows the pattern and says why", async () => {
    const [change] = await compareWithBase("api-version-pattern-added");
    expect(change).toMatchObject({
      breaking: false,
      rules: [],
      detail: "schema/pattern: nothing → `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$` (every value of the old enum still validates)",
      operations: ["POST /files", "GET /files/{id}", "HEAD /files/{id}"],
    });
    expect(change!.finding).toMatch(/Every value the old enum allowed \(`2024-11-01`\) still validates: no call that was accepted is refused\.$/);
  });
});

describe("a harmless edit Redocly does not report", () => {
  it("reordering a schema's properties is no change", async () => {
    expect(await compareWithBase("properties-reordered")).toEqual([]);
  });
});

describe("a server that Redocly reports removed, and added again at the same URL", () => {
  it("is one server whose properties changed, each shown as a change", async () => {
    const changes = await compareWithBase("server-described");
    expect(changes.every((change) => change.kind === "changed" && change.subject === "server `https://{account}.ilucca.{tld}`" && !change.breaking)).toBe(true);
    expect(changes.map((change) => change.detail)).toEqual([
      "description: nothing → `` A Lucca account, `account` its sub-domain, `tld` `ch` in Switzerland, `net` elsewhere. ``",
      "variables/account/description: nothing → `The account's sub-domain.`",
      "variables/tld/description: nothing → `` `ch` in Switzerland, `net` elsewhere. ``",
    ]);
  });

  it("still breaks when one of its variables lost a value in the same edit", async () => {
    const [base, described] = [await readFixture("base"), await readFixture("server-described")];
    described.servers[0].variables.tld.enum = ["net"];
    const server = (document: unknown, side: "base" | "revision") => ({ [side]: { pointer: "#/servers/0", value: (document as any).servers[0] } });
    const redocly: RedoclyChange[] = [
      { path: "#/servers/0", kind: "removed", impact: "major", verdicts: [{ ruleId: "server-removed", impact: "major", message: "Server removed." }], ...server(base, "base") },
      { path: "#/servers/0", kind: "added", impact: "minor", verdicts: [], ...server(described, "revision") },
    ];
    const breaking = classifyAll(redocly, { base, revision: described }).filter((change) => change.breaking);
    expect(breaking.map((change) => change.rules)).toEqual([["server-variable-values-removed"]]);
  });
});
