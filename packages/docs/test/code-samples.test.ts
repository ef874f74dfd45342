import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCodeSamples, sampleBaseName, withCodeSamples } from "../src/code-samples.ts";

const document = {
  paths: {
    "/things": { post: { operationId: "createThing", responses: {} } },
    "/things/{id}": { get: { operationId: "getThing", responses: {} } },
  },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "docs-samples-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function write(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
}

describe("sampleBaseName", () => {
  it.each([
    ["uploadFile", "upload-file"],
    ["retrieveFile", "retrieve-file"],
    ["get", "get"],
  ])("names the samples of %s %s.*", (operationId, want) => {
    expect(sampleBaseName(operationId)).toBe(want);
  });
});

describe("readCodeSamples", () => {
  it("reads one sample per language for each operation, in the order of the tabs", async () => {
    await write({ "create-thing.ts": "create()", "create-thing.sh": "curl -X POST", "get-thing.ts": "get()", "get-thing.sh": "curl" });
    const samples = await readCodeSamples(document, dir);
    expect(samples.get("createThing")).toEqual([
      { lang: "TypeScript", label: "TypeScript", source: "create()\n" },
      { lang: "curl", label: "curl", source: "curl -X POST\n" },
    ]);
  });

  it("refuses an operation without a sample, naming the file to write", async () => {
    await write({ "create-thing.ts": "x", "create-thing.sh": "x", "get-thing.ts": "x" });
    await expect(readCodeSamples(document, dir)).rejects.toThrow(`operation getThing has no curl sample: write ${path.join(dir, "get-thing.sh")}`);
  });

  it("refuses a sample that matches no operation, naming the operations there are", async () => {
    await write({ "create-thing.ts": "x", "create-thing.sh": "x", "get-thing.ts": "x", "get-thing.sh": "x", "delete-thing.ts": "x" });
    await expect(readCodeSamples(document, dir)).rejects.toThrow(
      `${path.join(dir, "delete-thing.ts")} matches no operationId of the spec (createThing, getThing): rename or delete it`,
    );
  });

  it("ignores files of other kinds (notes, fixtures)", async () => {
    await write({ "create-thing.ts": "x", "create-thing.sh": "x", "get-thing.ts": "x", "get-thing.sh": "x", "README.md": "notes" });
    await expect(readCodeSamples(document, dir)).resolves.toBeInstanceOf(Map);
  });
});

describe("withCodeSamples", () => {
  const samples = new Map([["createThing", [{ lang: "curl", label: "curl", source: "curl\n" }]]]);

  it("sets x-codeSamples on a copy, leaving the spec untouched", () => {
    const copy = withCodeSamples(document, samples);
    expect(copy.paths["/things"].post).toHaveProperty("x-codeSamples", samples.get("createThing"));
    expect(document.paths["/things"].post).not.toHaveProperty("x-codeSamples");
  });

  it("refuses a spec that carries hand-written samples", () => {
    const handWritten = structuredClone(document) as any;
    handWritten.paths["/things"].post["x-codeSamples"] = [];
    expect(() => withCodeSamples(handWritten, samples)).toThrow("POST /things (createThing) already has x-codeSamples in the spec");
  });
});
