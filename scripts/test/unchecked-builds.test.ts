/** The builds compile with --noCheck because the type check covers them (typecheck/unchecked-builds.ts). */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uncheckedBuilds } from "../typecheck/unchecked-builds.ts";
import { toolsRoot } from "../spec-check/tools.ts";

let root: string;

async function workspace(folder: string, scripts: Record<string, string>, configs: Record<string, object>): Promise<void> {
  await mkdir(path.join(root, folder, "src"), { recursive: true });
  await writeFile(path.join(root, folder, "src/index.ts"), "export const count = 3;\n");
  await writeFile(path.join(root, folder, "package.json"), JSON.stringify({ name: folder, scripts }));
  for (const [name, config] of Object.entries(configs)) await writeFile(path.join(root, folder, name), JSON.stringify(config));
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "unchecked-builds-"));
  await writeFile(path.join(root, "package.json"), JSON.stringify({ workspaces: ["packages/*"] }));
  const build = { compilerOptions: { strict: true, rootDir: "src", outDir: "dist" }, include: ["src"] };
  const scripts = { build: "tsc -p tsconfig.json --noCheck", typecheck: "tsc -p tsconfig.test.json" };
  await workspace("packages/covered", scripts, { "tsconfig.json": build, "tsconfig.test.json": { extends: "./tsconfig.json", compilerOptions: { noEmit: true, rootDir: "." }, include: ["src", "test"] } });
  await workspace("packages/elsewhere", scripts, { "tsconfig.json": build, "tsconfig.test.json": { extends: "./tsconfig.json", compilerOptions: { noEmit: true, rootDir: "." }, include: ["test"] } });
  await workspace("packages/laxer", scripts, { "tsconfig.json": build, "tsconfig.test.json": { compilerOptions: { strict: false, noEmit: true }, include: ["src"] } });
  await workspace("packages/unchecked", { build: "tsc -p tsconfig.json --noCheck" }, { "tsconfig.json": build });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("a build that compiles with --noCheck", () => {
  it("is covered in this repository: each one's type check checks its files with its options", async () => {
    expect(await uncheckedBuilds(toolsRoot)).toEqual([]);
  });

  it("is named when its type check leaves out a file it compiles, or checks with other options, or is missing", async () => {
    const problems = await uncheckedBuilds(root);
    expect(problems).toEqual([
      "packages/elsewhere: its build compiles packages/elsewhere/src/index.ts with --noCheck, and packages/elsewhere/tsconfig.test.json does not check them: include them there.",
      "packages/laxer: its build compiles with strict: true, and packages/laxer/tsconfig.test.json checks with false: give the type check the build's strict.",
      "packages/unchecked: its build compiles with --noCheck, and it has no typecheck script: add one ('tsc -p tsconfig.test.json') or drop --noCheck.",
    ]);
  });
});
