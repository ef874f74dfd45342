import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const generate = new URL("../scripts/generate.ts", import.meta.url).pathname;
const generatedDir = new URL("../src/generated/", import.meta.url).pathname;
const bundledSpec = createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");

async function check(specFile: string) {
  return run(process.execPath, ["--import", "tsx", generate, "--check", "--spec", specFile, "--out", generatedDir]).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stderr: string }) => ({ code: error.code, output: error.stderr }),
  );
}

describe("the drift check", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "drift-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("passes when the committed files are what the spec generates", async () => {
    expect(await check(bundledSpec)).toMatchObject({ code: 0 });
  });

  it("fails, naming the file and the command, when a content type is added without regenerating", async () => {
    const document = JSON.parse(await readFile(bundledSpec, "utf8"));
    document.components.schemas.ContentType.enum.push("image/jpeg");
    const edited = path.join(dir, "openapi.json");
    await writeFile(edited, JSON.stringify(document));

    const result = await check(edited);
    expect(result.code).toBe(1);
    expect(result.output).toContain("packages/types/src/generated/constants.ts");
    expect(result.output).toContain("packages/types/src/generated/openapi.ts");
    expect(result.output).toContain("npm run generate");
  });

  it("fails when a generated file was edited by hand", async () => {
    const out = path.join(dir, "generated") + path.sep;
    await cp(generatedDir, out, { recursive: true });
    await writeFile(path.join(out, "constants.ts"), "// hand-edited\n", { flag: "a" });
    const result = await run(process.execPath, ["--import", "tsx", generate, "--check", "--spec", bundledSpec, "--out", out]).catch(
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result).toMatchObject({ code: 1 });
  });
});
