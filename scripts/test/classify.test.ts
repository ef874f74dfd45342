import { describe, expect, it } from "vitest";
import { classify } from "../spec-check/classify.ts";
import type { RedoclyChange } from "../spec-check/redocly-diff.ts";

const documents = { base: { paths: {} }, revision: { paths: {} } };
const limitChange = (before: number, after: number): RedoclyChange => ({
  path: "#/info/x-lucca-limits",
  kind: "modified",
  impact: "patch",
  verdicts: [],
  property: "maxRequestBodyBytes",
  base: { pointer: "#/info/x-lucca-limits/maxRequestBodyBytes", value: before },
  revision: { pointer: "#/info/x-lucca-limits/maxRequestBodyBytes", value: after },
});

describe("the project's rules on top of Redocly's ratings", () => {
  it.each([
    ["a documented limit lowered breaks clients (Redocly rates it a patch)", limitChange(104857600, 1000), true],
    ["a documented limit raised does not", limitChange(1000, 104857600), false],
  ])("%s", (_, change, breaking) => {
    const classified = classify(change, documents);
    expect(classified).toMatchObject({ area: "document", subject: "info", breaking });
    if (breaking) expect(classified).toMatchObject({ rules: ["limit-lowered"], why: expect.stringMatching(/^Requests within the old limit are now refused/) });
  });

  it("keeps Redocly's verdict when it rates a change a patch", () => {
    const change: RedoclyChange = {
      path: "#/paths/~1files/post/parameters/0/schema",
      kind: "modified",
      impact: "patch",
      verdicts: [],
      property: "enum",
      base: { pointer: "#/components/parameters/ApiVersion/schema/enum", value: ["2024-11-01"] },
      revision: { pointer: "#/components/parameters/ApiVersion/schema/enum", value: ["2024-11-01", "2026-12-01"] },
    };
    expect(classify(change, documents)).toMatchObject({ area: "parameter", breaking: false, detail: "schema/enum: +`2026-12-01`" });
  });
});

/** A change Redocly rates a patch, as its JSON report gives it. */
const patchChange = (path: string, property: string, before: unknown, after: unknown): RedoclyChange => ({
  path,
  kind: "modified",
  impact: "patch",
  verdicts: [],
  property,
  base: { pointer: `${path}/${property}`, ...(before === undefined ? {} : { value: before }) },
  revision: { pointer: `${path}/${property}`, ...(after === undefined ? {} : { value: after }) },
});

describe("the project's rules, at their edges", () => {
  it.each<[string, RedoclyChange, string[]]>([
    ["a default added where there was none does not break (it writes down what was unspecified)", patchChange("#/paths/~1files/get/parameters/0/schema", "default", undefined, "json"), []],
    ["a default changed in a request breaks", patchChange("#/paths/~1files/get/parameters/0/schema", "default", "json", "attachment"), ["default-changed"]],
    ["a default changed in a response does not (the client reads what comes)", patchChange("#/paths/~1files/get/responses/200/content/application~1json/schema", "default", 1, 2), []],
    ["a server variable's default changed breaks (clients that rely on it reach another host)", patchChange("#/servers/0/variables/tld", "default", "net", "ch"), ["default-changed"]],
    ["a server variable's enum that grows does not break", patchChange("#/servers/0/variables/tld", "enum", ["net"], ["net", "ch"]), []],
    ["a response header made required does not break", patchChange("#/paths/~1files/get/responses/200/headers/ETag", "required", false, true), []],
    ["a request header made optional does not break", patchChange("#/paths/~1files/get/parameters/0", "required", true, false), []],
    ["a token URL set where there was none does not break", patchChange("#/components/securitySchemes/oauth2/flows/clientCredentials", "tokenUrl", undefined, "https://a.test/t"), []],
    ["a schema renamed in place breaks (Redocly reports its key edited, unrated)", { ...patchChange("#/components/schemas/FileContentType", "key", "ContentType", "FileContentType"), base: { pointer: "#/components/schemas/ContentType", value: "ContentType" }, revision: { pointer: "#/components/schemas/FileContentType", value: "FileContentType" } }, ["component-renamed"]],
    ["a parameter renamed in place breaks (the generated components[\"parameters\"] loses the name)", { ...patchChange("#/components/parameters/ApiVersionHeader", "key", "ApiVersion", "ApiVersionHeader"), base: { pointer: "#/components/parameters/ApiVersion", value: "ApiVersion" }, revision: { pointer: "#/components/parameters/ApiVersionHeader", value: "ApiVersionHeader" } }, ["component-renamed"]],
    ["an example renamed in place does not break (the generated types have no examples)", { ...patchChange("#/components/examples/TextFileContent", "key", "FileContent", "TextFileContent"), base: { pointer: "#/components/examples/FileContent", value: "FileContent" }, revision: { pointer: "#/components/examples/TextFileContent", value: "TextFileContent" } }, []],
    ["an authorization URL moved breaks", patchChange("#/components/securitySchemes/oauth2/flows/authorizationCode", "authorizationUrl", "https://a.test/a", "https://b.test/a"), ["security-url-changed"]],
  ])("%s", (_, change, rules) => {
    expect(classify(change, documents).rules).toEqual(rules);
  });
});

describe("a location that moved to another component", () => {
  it("is reported in the component it is in now, by its new name (File renamed FileObject)", () => {
    const change: RedoclyChange = {
      path: "#/paths/~1files/post/responses/201/content/application~1json/schema/properties/id",
      kind: "modified",
      impact: "major",
      verdicts: [{ ruleId: "schema-constraint-changed", impact: "major", message: "`minLength` of `id` was removed." }],
      property: "minLength",
      base: { pointer: "#/components/schemas/File/properties/id/minLength", value: 1 },
      revision: { pointer: "#/components/schemas/FileObject/properties/id" },
    };
    expect(classify(change, documents)).toMatchObject({ area: "schema", subject: "FileObject", detail: "properties/id/minLength: `1` → nothing" });
  });
});

describe("Redocly's type-change message", () => {
  it.each<[string, unknown, unknown, string]>([
    ["says changed for string → integer", "string", "integer", "changed"],
    ["says widened when a type is added", "string", ["string", "null"], "widened"],
    ["says widened when the type goes (no type is any type)", "string", undefined, "widened"],
    ["says narrowed when a type goes from a list", ["string", "null"], "string", "narrowed"],
  ])("%s", (_, before, after, verb) => {
    const change: RedoclyChange = {
      path: "#/paths/~1files/post/responses/201/content/application~1json/schema/properties/id",
      kind: "modified",
      impact: "major",
      verdicts: [{ ruleId: "schema-type-changed", impact: "major", message: "Type of `id` widened from 'x' to 'y'." }],
      property: "type",
      base: { pointer: "#/components/schemas/File/properties/id/type", value: before },
      revision: { pointer: "#/components/schemas/File/properties/id/type", ...(after === undefined ? {} : { value: after }) },
    };
    expect(classify(change, documents).finding).toBe(`Type of \`id\` ${verb} from 'x' to 'y'.`);
  });
});
