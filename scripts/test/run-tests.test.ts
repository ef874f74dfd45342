/** `npm test`'s wrapper (browser-tests/run-tests.ts), around stand-in commands instead of turbo. */
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumCommands } from "../browser-tests/find-chromium.ts";
import { runWithChromium } from "../browser-tests/run-with-chromium.ts";
import { exec } from "../spec-check/exec.ts";
import { toolsRoot, tsx } from "../spec-check/tools.ts";

const wrapper = path.join(toolsRoot, "scripts/browser-tests/run-tests.ts");
const noBrowser = { CHROMIUM_PATH: "/nope/chromium", CI: "" };

/**
 * The wrapper's work in this process (run-with-chromium.ts, which run-tests.ts calls):
 * starting it under tsx cost about 0.35 s of CPU a case; the last case runs the command line.
 */
function runWrapped(command: string, env: Record<string, string>): { code: number; stdout: string } {
  const lines: string[] = [];
  const code = runWithChromium(command, [], { ...process.env, ...env }, { log: (line) => lines.push(line), error: (line) => lines.push(line) });
  return { code, stdout: lines.map((line) => `${line}\n`).join("") };
}

/** Prints the CHROMIUM_PATH it was given, as the browser tests would see it. */
const printChromiumPath = ["node", "-e", "console.log(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH ?? ''}`)"];

describe("npm test's run with or without a browser", () => {
  it("ends with one line naming the skipped browser tests and how to enable them, outside CI without a Chromium", () => {
    const { code, stdout } = runWrapped("true", noBrowser);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toEqual([
      "skipped: the browser tests of @lucca-api/client and @lucca-api/docs (CHROMIUM_PATH=/nope/chromium is not an executable file); " +
        "to run them, install Debian's (apt-get install --no-install-recommends chromium-headless-shell fonts-liberation) or set CHROMIUM_PATH to a Chromium or Chrome executable.",
    ]);
  });

  it("adds no line when the run failed: the failure is the news", () => {
    const { code, stdout } = runWrapped("false", noBrowser);
    expect(code).toBe(1);
    expect(stdout).toBe("");
  });

  it("adds no line in CI, where the browser tests fail instead of skipping", () => {
    const { code, stdout } = runWrapped("true", { ...noBrowser, CI: "true" });
    expect(code).toBe(0);
    expect(stdout).toBe("");
  });

  it("passes the Chromium it found on PATH down as CHROMIUM_PATH, so turbo's cache tells a run with a browser from one without (the command line)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "run-tests-"));
    try {
      // The first name looked for, first on PATH: found whatever browser the machine has.
      const browser = path.join(dir, chromiumCommands[0]);
      await writeFile(browser, "#!/bin/sh\n");
      await chmod(browser, 0o755);
      const env = { CHROMIUM_PATH: "", CI: "", PATH: `${dir}${path.delimiter}${process.env.PATH ?? ""}` };
      const { code, stdout } = await exec(tsx.command, [...tsx.args, wrapper, ...printChromiumPath], { cwd: toolsRoot, env });
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(`CHROMIUM_PATH=${browser}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
