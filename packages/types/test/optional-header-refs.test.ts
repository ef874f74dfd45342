import { describe, expect, it } from "vitest";
import { renderTypes } from "../scripts/render-types.ts";

/** A one-operation spec whose 200 references the header component `ETag`, `required` as given. */
function specWithETag(required: boolean | undefined) {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/f": {
        get: {
          responses: {
            "200": {
              description: "ok",
              headers: { ETag: { $ref: "#/components/headers/ETag" } },
              content: { "application/json": { schema: { type: "string" } } },
            },
          },
        },
      },
    },
    components: {
      headers: { ETag: { schema: { type: "string" }, ...(required === undefined ? {} : { required }) } },
    },
  };
}

describe("response headers given by $ref", () => {
  it.each([
    ["required: true", true, 'ETag: components["headers"]["ETag"];'],
    ["required: false", false, 'ETag?: components["headers"]["ETag"];'],
    ["no required (OpenAPI's default, false)", undefined, 'ETag?: components["headers"]["ETag"];'],
  ])("follow the component's %s", async (_name, required, want) => {
    expect(await renderTypes(specWithETag(required))).toContain(want);
  });
});
