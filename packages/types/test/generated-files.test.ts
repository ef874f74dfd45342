import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { apiVersions, contentTypes, currentApiVersion, includeValues, endpoints } from "../src/index.ts";

const generatedDir = new URL("../src/generated/", import.meta.url);

describe("generated files", () => {
  it("say on their first line that they are generated, and how to regenerate", async () => {
    const names = await readdir(generatedDir);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const firstLine = (await readFile(new URL(name, generatedDir), "utf8")).split("\n")[0];
      expect(firstLine, name).toMatch(/^\/\/ Generated from spec\/.*Do not edit: run `npm run generate`/);
    }
  });
});

describe("generated constants", () => {
  it("make the newest dated version the current one", () => {
    expect(currentApiVersion).toBe([...apiVersions].sort().at(-1));
  });

  it("list the accepted content types, which do not include image/jpeg", () => {
    expect(contentTypes).toContain("image/jpg");
    expect(contentTypes).not.toContain("image/jpeg" as never);
  });

  it("describe each operation's path and scopes", () => {
    expect(endpoints.uploadFile).toMatchObject({ method: "POST", path: "/lucca-api/files", scopes: [["files.readwrite"]] });
    expect(endpoints.retrieveFile.path).toBe("/lucca-api/files/{id}");
    expect(endpoints.uploadFile.requestParts).toEqual(["form"]);
  });

  it("list include values in the spec's order", () => {
    expect(includeValues).toEqual(["embedded", "links", "totalCount"]);
  });
});
