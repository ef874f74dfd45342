/**
 * The builds compile with --noCheck because the type check covers them
 * (typecheck/unchecked-builds.ts); `npm run typecheck` runs the same on this repository
 * before it checks, and fails on what it finds.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildCoverageProblems } from "../typecheck/unchecked-builds.ts";

let root: string;

async function workspace(folder: string, scripts: Record<string, string>, files: Record<string, object | string>): Promise<void> {
  await mkdir(path.join(root, folder, "src"), { recursive: true });
  await mkdir(path.join(root, folder, "test"), { recursive: true });
  await writeFile(path.join(root, folder, "src/index.ts"), "export const count = 3;\n");
  await writeFile(path.join(root, folder, "package.json"), JSON.stringify({ name: folder, scripts }));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(root, folder, name), typeof content === "string" ? content : JSON.stringify(content));
}

const build = { compilerOptions: { strict: true, declaration: true, rootDir: "src", outDir: "dist" }, include: ["src"] };
const checkedAlike = { extends: "./tsconfig.json", compilerOptions: { noEmit: true, rootDir: "." }, include: ["src", "test"] };
const scripts = { build: "tsc -p tsconfig.json --noCheck", typecheck: "tsc -p tsconfig.test.json" };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "unchecked-builds-"));
  await writeFile(path.join(root, "package.json"), JSON.stringify({ workspaces: ["packages/*"] }));
  await workspace("packages/covered", scripts, { "tsconfig.json": build, "tsconfig.test.json": checkedAlike, "test/a.test.ts": "export {};\n" });
  await workspace("packages/checked", { ...scripts, build: "tsc -p tsconfig.json" }, { "tsconfig.json": build, "tsconfig.test.json": { include: ["test"] } });
  await workspace("packages/elsewhere", scripts, { "tsconfig.json": build, "tsconfig.test.json": { ...checkedAlike, include: ["test"] } });
  await workspace("packages/laxer", scripts, { "tsconfig.json": build, "tsconfig.test.json": { compilerOptions: { strict: false, declaration: true, noEmit: true }, include: ["src"] } });
  await workspace("packages/undeclared", scripts, { "tsconfig.json": build, "tsconfig.test.json": { ...checkedAlike, compilerOptions: { ...checkedAlike.compilerOptions, declaration: false } } });
  await workspace("packages/globals", scripts, { "tsconfig.json": build, "tsconfig.test.json": checkedAlike, "test/page.ts": "declare global { var answer: number }\nexport {};\n", "test/script.ts": "const loose = 1;\n" });
  await workspace("packages/reordered", { ...scripts, build: "tsc --noCheck -p tsconfig.json" }, { "tsconfig.json": build, "tsconfig.test.json": checkedAlike });
  await workspace("packages/unchecked", { build: "tsc -p tsconfig.json --noCheck" }, { "tsconfig.json": build });
});
afterAll(() => rm(root, { recursive: true, force: true }));

it("names each build compiled with --noCheck that its type check does not cover, and how to fix it; a build that checks, or one covered, is not named", async () => {
  expect(await buildCoverageProblems(root)).toEqual([
    "packages/elsewhere: its build compiles packages/elsewhere/src/index.ts with --noCheck, and packages/elsewhere/tsconfig.test.json does not check them: include them there.",
    "packages/globals: packages/globals/test/page.ts, which packages/globals/tsconfig.test.json checks and the build does not compile, declares globals or augments a module, which the build's files then see in the type check only: make it a module without 'declare global' or 'declare module', or drop --noCheck.",
    "packages/globals: packages/globals/test/script.ts, which packages/globals/tsconfig.test.json checks and the build does not compile, declares globals or augments a module, which the build's files then see in the type check only: make it a module without 'declare global' or 'declare module', or drop --noCheck.",
    "packages/laxer: its build compiles with strict: true, and packages/laxer/tsconfig.test.json checks with false: give the type check the build's strict.",
    "packages/reordered: its build script is 'tsc --noCheck -p tsconfig.json'; a build that compiles with --noCheck must be 'tsc -p <tsconfig> --noCheck', so that its type check can be compared with it.",
    "packages/unchecked: its build compiles with --noCheck, and it has no typecheck script: add one ('tsc -p tsconfig.test.json') or drop --noCheck.",
    "packages/undeclared: its build emits declarations, and packages/undeclared/tsconfig.test.json checks without 'declaration': set it there, so that what declaration emit refuses is reported.",
  ]);
});
