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
