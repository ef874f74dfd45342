import { apiVersions } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import { resolveApiVersion } from "../src/api-version.ts";

const first = apiVersions[0];
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("resolveApiVersion: a date resolves to the closest earlier version", () => {
  it.each([
    ["a version is itself", first, first],
    ["the day after a version is that version", shift(first, 1), first],
    ["a date far ahead is the newest version", "2999-01-01", apiVersions.at(-1)],
    ["a date before the first version has no version", shift(first, -1), undefined],
  ])("%s", (_rule, requested, want) => {
    expect(resolveApiVersion(requested)).toBe(want);
  });
});
