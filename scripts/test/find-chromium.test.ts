import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium, planBrowserTests } from "../browser-tests/find-chromium.ts";

let root: string;
/** `bin/` holds executables named like browsers; `plain/` the same names, not executable. */
let bin: string;
let plain: string;

async function file(dir: string, name: string, mode: number): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, "#!/bin/sh\n");
  await chmod(target, mode);
  return target;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "find-chromium-"));
  bin = path.join(root, "bin");
  plain = path.join(root, "plain");
  await mkdir(bin);
  await mkdir(plain);
  await mkdir(path.join(root, "dir-named-chromium", "chromium"), { recursive: true });
  await file(bin, "google-chrome", 0o755);
  await file(bin, "chromium-browser", 0o755);
  await file(bin, "my-chromium", 0o755);
  await file(plain, "chromium", 0o644);
  await file(plain, "chromium-headless-shell", 0o644);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("findChromium", () => {
  it("takes CHROMIUM_PATH when it names an executable file", () => {
    expect(findChromium({ CHROMIUM_PATH: path.join(bin, "my-chromium"), PATH: "" })).toEqual({ found: true, executablePath: path.join(bin, "my-chromium") });
  });

  it("reports a CHROMIUM_PATH that is not an executable file, without falling back to PATH", () => {
    expect(findChromium({ CHROMIUM_PATH: "/nope/chromium", PATH: bin })).toEqual({ found: false, why: "CHROMIUM_PATH=/nope/chromium is not an executable file" });
  });

  it("looks for chromium, then chromium-browser, then google-chrome on PATH", () => {
    expect(findChromium({ PATH: bin })).toEqual({ found: true, executablePath: path.join(bin, "chromium-browser") });
  });

  it("takes chromium-headless-shell before chromium, in any folder of PATH", async () => {
    const shell = path.join(root, "shell");
    await mkdir(shell);
    await file(shell, "chromium-headless-shell", 0o755);
    await file(bin, "chromium", 0o755);
    try {
      expect(findChromium({ PATH: [bin, shell].join(path.delimiter) })).toEqual({ found: true, executablePath: path.join(shell, "chromium-headless-shell") });
    } finally {
      await rm(path.join(bin, "chromium"));
    }
  });

  it("skips files that are not executable and folders that bear the name", () => {
    const dirs = [plain, path.join(root, "dir-named-chromium")].join(path.delimiter);
    expect(findChromium({ PATH: dirs })).toEqual({ found: false, why: "no CHROMIUM_PATH, and none of chromium-headless-shell, chromium, chromium-browser, google-chrome is on PATH" });
  });
});

describe("planBrowserTests", () => {
  const missing = { CHROMIUM_PATH: "/nope/chromium", PATH: "" };

  it.each([
    ["outside CI (CI unset)", {}],
    ["when CI=false", { CI: "false" }],
  ])("skips without a Chromium %s, saying why", (_, ci) => {
    expect(planBrowserTests({ ...missing, ...ci })).toEqual({ skipReason: "CHROMIUM_PATH=/nope/chromium is not an executable file" });
  });

  it("fails in CI without a Chromium, naming what is missing and how to install one", () => {
    expect(() => planBrowserTests({ ...missing, CI: "true" })).toThrow(
      /in CI \(CI=true\) they do not skip: CHROMIUM_PATH=\/nope\/chromium is not an executable file; install Debian's \(apt-get install/,
    );
  });

  it("runs with the Chromium found, in CI or not", () => {
    expect(planBrowserTests({ PATH: bin, CI: "true" })).toEqual({ executablePath: path.join(bin, "chromium-browser") });
  });
});
