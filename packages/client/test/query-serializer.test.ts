import { describe, expect, it } from "vitest";
import { serializeQuery } from "../src/core/query-serializer.ts";

describe("serializeQuery follows the spec's style for each parameter", () => {
  it.each([
    ["include is comma-joined in one parameter (style form, explode false)", { include: ["embedded", "links"] }, "include=embedded,links"],
    ["a single include value stays one parameter", { include: ["links"] }, "include=links"],
    ["an empty include sends nothing", { include: [] }, ""],
    ["undefined values are left out", { token: "t", include: undefined }, "token=t"],
    ["values are percent-encoded", { token: "a b&c=d" }, "token=a%20b%26c%3Dd"],
    ["arrays of parameters the spec does not describe explode (the OpenAPI default)", { other: ["a", "b"] }, "other=a&other=b"],
  ])("%s", (_rule, query, want) => {
    expect(serializeQuery(query)).toBe(want);
  });
});
