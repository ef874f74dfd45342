/**
 * A generation right after a passing drift check renders nothing (scripts/verified-generation.ts):
 * only while everything the output depends on is as the check saw it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGeneration } from "../scripts/run-generation.ts";
import { generationDigest, wasVerified } from "../scripts/verified-generation.ts";

const generatedDir = new URL("../src/generated/", import.meta.url).pathname;
const specPath = createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");
const log = { log() {}, error() {} };
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "verified-generation-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function copyOfGenerated(name: string): Promise<string> {
  const outDir = path.join(dir, name);
  await cp(generatedDir, outDir, { recursive: true });
  return outDir;
}

describe("a generation after a drift check that passed", () => {
  it("renders nothing and leaves the files as they are when nothing changed; renders and writes when a generated file was edited since", async () => {
    const outDir = await copyOfGenerated("out");
    const record = path.join(dir, "record");
    expect(await runGeneration({ check: true, specPath, outDir, record, log })).toBe("up-to-date");
    expect(await runGeneration({ check: false, specPath, outDir, record, log })).toBe("already-verified");

    await writeFile(path.join(outDir, "constants.ts"), "// hand-edited\n", { flag: "a" });
    expect(await runGeneration({ check: false, specPath, outDir, record, log })).toBe("written");
    expect(await readFile(path.join(outDir, "constants.ts"), "utf8")).toBe(await readFile(path.join(generatedDir, "constants.ts"), "utf8"));
  });

  it("is not skipped when no check recorded anything, or the check found drift: nothing is recorded then", async () => {
    const spec = await readFile(specPath, "utf8");
    const drifted = await copyOfGenerated("drifted");
    const record = path.join(dir, "drifted-record");
    expect(await wasVerified(await generationDigest(spec, drifted), record)).toBe(false);
    await writeFile(path.join(drifted, "openapi.ts"), "// hand-edited\n", { flag: "a" });
    expect(await runGeneration({ check: true, specPath, outDir: drifted, record, log })).toBe("drifted");
    expect(await wasVerified(await generationDigest(spec, drifted), record)).toBe(false);
  });
});

describe("what a check records depends on", () => {
  it("the spec, each generated file, and the lockfile (the generator's sources are read the same way)", async () => {
    const outDir = await copyOfGenerated("digest");
    const spec = await readFile(specPath, "utf8");
    const lockfile = path.join(dir, "package-lock.json");
    await writeFile(lockfile, '{"lockfileVersion":3}');
    const base = await generationDigest(spec, outDir, lockfile);
    expect(await generationDigest(spec, outDir, lockfile)).toBe(base);
    expect(await generationDigest(spec.replace("image/png", "image/jpeg"), outDir, lockfile)).not.toBe(base);
    await writeFile(lockfile, '{"lockfileVersion":3,"packages":{"node_modules/openapi-typescript":{"version":"9.9.9"}}}');
    expect(await generationDigest(spec, outDir, lockfile)).not.toBe(base);
    await writeFile(lockfile, '{"lockfileVersion":3}');
    await writeFile(path.join(outDir, "openapi.ts"), "\n", { flag: "a" });
    expect(await generationDigest(spec, outDir, lockfile)).not.toBe(base);
  });
});
