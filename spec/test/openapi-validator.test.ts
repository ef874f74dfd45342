import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { readBundle } from "./load.ts";

// One validator for both cases: each one compiles the OAS 3.1 schema with Ajv first.
const validator = new Validator();

describe("the bundled spec", () => {
  it("is valid OpenAPI 3.1 for an independent validator (the official JSON Schema of OAS 3.1)", async () => {
    const result = await validator.validate(await readBundle());
    expect(validator.version).toBe("3.1");
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is rejected by that validator when it is broken, so the test above can fail", async () => {
    const broken = await readBundle();
    broken.paths["/lucca-api/files"].post.responses = "nothing";
    const result = await validator.validate(broken);
    expect(result.valid).toBe(false);
  });
});
