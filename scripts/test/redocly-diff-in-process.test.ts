import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRedoclyDiff } from "../spec-check/redocly-diff-in-process.ts";

describe("Redocly's diff in the gate's process", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "redocly-internals-"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  async function installedCli(version: string): Promise<string> {
    const dir = path.join(root, version);
    await mkdir(path.join(dir, "lib/chunks"), { recursive: true });
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "@redocly/cli", version }));
    return dir;
  }

  it("refuses a @redocly/cli other than the pinned version, saying what to update", async () => {
    await expect(loadRedoclyDiff(await installedCli("2.78.0"))).rejects.toThrow(
      /the installed @redocly\/cli is 2\.78\.0\. Pin "@redocly\/cli": "2\.77\.0" in the root package\.json, or update the chunk and export names in scripts\/spec-check\/redocly-diff-in-process\.ts/,
    );
  });

  it("refuses a pinned version whose chunks do not hold the handler, naming the chunk and the export", async () => {
    await expect(loadRedoclyDiff(await installedCli("2.77.0"))).rejects.toThrow(/lib\/chunks\/HPXIL34S\.js exports no handleDiff/);
  });
});
