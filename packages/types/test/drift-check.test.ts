import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driftMessage, findDrift, renderGeneratedFiles } from "../scripts/generated-files.ts";

const generatedDir = new URL("../src/generated/", import.meta.url).pathname;
const bundledSpec = createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");
const readSpec = async () => JSON.parse(await readFile(bundledSpec, "utf8"));

describe("the drift check", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "drift-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("finds nothing when the committed files are what the spec generates", async () => {
    expect(await findDrift(await renderGeneratedFiles(await readSpec()), generatedDir)).toEqual([]);
  });

  it("names both generated files when a content type is added to the spec without regenerating", async () => {
    const document = await readSpec();
    document.components.schemas.FileContentType.enum.push("image/jpeg");
    const drifted = await findDrift(await renderGeneratedFiles(document), generatedDir);
    expect(drifted.map((file) => path.basename(file)).sort()).toEqual(["constants.ts", "openapi.ts"]);
  });

  it("finds a generated file edited by hand", async () => {
    const out = path.join(dir, "edited");
    await cp(generatedDir, out, { recursive: true });
    await writeFile(path.join(out, "constants.ts"), "// hand-edited\n", { flag: "a" });
    const drifted = await findDrift(await renderGeneratedFiles(await readSpec()), out);
    expect(drifted).toEqual([path.join(out, "constants.ts")]);
  });

  it("says which command regenerates", () => {
    expect(driftMessage(["packages/types/src/generated/constants.ts"])).toMatch(
      /packages\/types\/src\/generated\/constants\.ts differs.*\n.*run `npm run generate`/,
    );
  });

  it("exits 1 from the command line, with that message, when the spec has drifted", async () => {
    const document = await readSpec();
    document.components.schemas.FileContentType.enum.push("image/jpeg");
    const edited = path.join(dir, "openapi.json");
    await writeFile(edited, JSON.stringify(document));
    const generate = new URL("../scripts/generate.ts", import.meta.url).pathname;
    const result = await promisify(execFile)(process.execPath, ["--import", "tsx", generate, "--check", "--spec", edited, "--out", generatedDir]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("packages/types/src/generated/constants.ts");
    expect(result.stderr).toContain("npm run generate");
  });
});
