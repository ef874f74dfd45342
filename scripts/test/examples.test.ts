import { describe, expect, it } from "vitest";
import { validateExamples } from "../spec-check/examples.ts";
import { readFixture } from "./compare-fixtures.ts";

describe("example validation", () => {
  it("passes examples that match their schemas, and counts them", async () => {
    expect(validateExamples(await readFixture("example-added"))).toEqual({ ok: true, checked: 2, failures: [] });
  });

  it("fails an example that does not match its schema, naming where it is and what is wrong", async () => {
    const document = await readFixture("base");
    document.paths["/files"].post.responses["201"].content["application/json"].example = { id: 1, contentType: "image/jpeg" };
    const result = validateExamples(document);
    expect(result.ok).toBe(false);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatch(/^POST \/files 201 application\/json: data\/id must be string, data\/contentType must be equal to one of the allowed values$/);
  });
});
