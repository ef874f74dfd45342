import { readFile, stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readBundle, readYaml, specDir } from "./load.ts";

// The verbatim fragment of Lucca's docs the project started from, copied into the repo so
// that this test runs anywhere; the shared original is compared when it is there.
const seedCopy = new URL("seed/lucca-docs-fragment.txt", specDir);
const sharedSeed = new URL("../../shared/seeds/000_e91c7f570a01e996.txt", specDir);

/**
 * The content types of the seed: the comma-separated list that starts at message/rfc822
 * and ends at the first value not followed by a comma (the docs' next sentence follows),
 * so that a value Lucca appends to the list is read too.
 */
function contentTypesOfSeed(seed: string): string[] {
  const list = seed.match(/message\/rfc822(?:, [^\s,]+)*/);
  if (!list) throw new Error("the seed no longer holds the content-type list");
  return list[0].split(",").map((type) => type.trim());
}

describe("the FileContentType enum", () => {
  it("is the seed's list of 93 content types, in the same order and spelling", async () => {
    const seedTypes = contentTypesOfSeed(await readFile(seedCopy, "utf8"));
    const schema = await readYaml("components/schemas/FileContentType.yaml");
    expect(seedTypes).toHaveLength(93);
    expect(schema.enum).toEqual(seedTypes);
  });

  it("is read from the seed up to its last value, even one appended after today's last", () => {
    const fragment = "…which are accepted.\nmessage/rfc822, image/png, application/x-sega-pico-rom, image/avif Read-only. UTC timestamp";
    expect(contentTypesOfSeed(fragment)).toEqual(["message/rfc822", "image/png", "application/x-sega-pico-rom", "image/avif"]);
  });

  it("survives bundling unchanged, and FileObject.contentType offers it while accepting any other type", async () => {
    const bundle = await readBundle();
    const source = await readYaml("components/schemas/FileContentType.yaml");
    expect(bundle.components.schemas.FileContentType.enum).toEqual(source.enum);
    expect(bundle.components.schemas.FileObject.properties.contentType.anyOf).toEqual([
      { $ref: "#/components/schemas/FileContentType" },
      { type: "string", minLength: 1 },
    ]);
  });

  it("is the upload part's declared content types, comma-separated, in the same order", async () => {
    const bundle = await readBundle();
    const part = bundle.paths["/lucca-api/files"].post.requestBody.content["multipart/form-data"].encoding.form;
    const declared = part.contentType.split(",").map((type: string) => type.trim());
    expect(declared).toEqual(bundle.components.schemas.FileContentType.enum);
  });

  it("does not contain image/jpeg (the API wants image/jpg)", async () => {
    const schema = await readYaml("components/schemas/FileContentType.yaml");
    expect(schema.enum).toContain("image/jpg");
    expect(schema.enum).not.toContain("image/jpeg");
  });

  it("comes from a seed copy identical to the shared original, when the original is present", async (context) => {
    const present = await stat(sharedSeed).then(() => true, () => false);
    if (!present) return context.skip();
    expect(await readFile(seedCopy, "utf8")).toBe(await readFile(sharedSeed, "utf8"));
  });
});
