/**
 * The README's first TypeScript block, run as written (with tsx, importing the built
 * package) against the sandbox: the example integrators copy must work.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
let sandbox: TestSandbox;
let workDir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  workDir = await mkdtemp(join(tmpdir(), "lucca-readme-"));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(workDir, { recursive: true, force: true });
});

it("the README opens with Install, then a ten-line example that uploads, downloads and saves a file", async () => {
  const readme = await readFile(join(packageDir, "README.md"), "utf8");
  expect(readme, "the README must open with its Install section").toMatch(/^# [^\n]+\n\n## Install\n/);
  // The first TypeScript block: the one the release rehearsal also runs, from the published package.
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example, "the README must have a ```ts block").toBeDefined();
  expect(example!.trim().split("\n").filter((line) => line.trim() !== "")).toHaveLength(10);

  // Inside the package (in its ignored node_modules/.cache) so that `@lucca-api/client`
  // resolves, through the workspace link, to this package's build.
  const cacheDir = join(packageDir, "node_modules/.cache/readme-example");
  await mkdir(cacheDir, { recursive: true });
  const script = join(cacheDir, `example-${process.pid}.mts`);
  await writeFile(script, example!);
  await copyFile(join(packageDir, "README.md"), join(workDir, "README.md"));
  try {
    const tsx = join(packageDir, "../../node_modules/.bin/tsx");
    const { stdout } = await promisify(execFile)(tsx, [script], { cwd: workDir, env: { ...process.env, LUCCA_BASE_URL: sandbox.url } });
    const size = (await readFile(join(workDir, "README.md"))).length;
    expect(stdout.trim()).toBe(`README.md (text/markdown) → README.copy.md, ${size} bytes`);
    expect(await readFile(join(workDir, "README.copy.md"))).toEqual(await readFile(join(workDir, "README.md")));
  } finally {
    await rm(script, { force: true });
  }
});
