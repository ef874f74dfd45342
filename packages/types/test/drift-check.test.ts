import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driftMessage, findDrift, renderGeneratedFiles } from "../scripts/generated-files.ts";

const generatedDir = new URL("../src/generated/", import.meta.url).pathname;
const repositoryRoot = new URL("../../../", import.meta.url).pathname;
const bundledSpec = createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");
const readSpec = async () => JSON.parse(await readFile(bundledSpec, "utf8"));

// Rendering the spec with openapi-typescript and prettier, and spawning the generator, is
// CPU-bound (about 1.3 s alone; past 30 s at a load average of 30 on 2 cores): the bound
// only ends a hang.
describe("the drift check", { timeout: 240_000 }, () => {
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

  it("--check (npm test's drift step) exits 1 on a drifted spec, naming the file, and writes nothing", async () => {
    const document = await readSpec();
    document.components.schemas.FileContentType.enum.push("image/jpeg");
    const edited = path.join(dir, "openapi.json");
    await writeFile(edited, JSON.stringify(document));
    // A copy: should --check ever write, the committed files are not the ones overwritten.
    const committed = path.join(dir, "committed");
    await cp(generatedDir, committed, { recursive: true });
    const generate = new URL("../scripts/generate.ts", import.meta.url).pathname;
    const result = await promisify(execFile)(process.execPath, ["--import", "tsx", generate, "--check", "--spec", edited, "--out", committed]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(path.relative(repositoryRoot, path.join(committed, "constants.ts")));
    expect(result.stderr).toContain("npm run generate");
    for (const file of await readdir(generatedDir)) expect(await readFile(path.join(committed, file), "utf8"), file).toBe(await readFile(path.join(generatedDir, file), "utf8"));
  });
});
