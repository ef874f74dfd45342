import path from "node:path";
import { describe, expect, it } from "vitest";
import { exec } from "../spec-check/exec.ts";
import { toolsRoot, tsx } from "../spec-check/tools.ts";

const cli = path.join(toolsRoot, "scripts/spec-check/cli.ts");

// Each case starts the command under tsx: CPU-bound, so the limit only catches a hang.
describe("spec:check refuses to run without a base to compare with", { timeout: 120_000 }, () => {
  it.each([
    ["when --base is missing, saying what to pass", [], /--base is required: the git ref to compare the spec with.*--base main/],
    ["when --base names no commit, naming the ref", ["--base", "no-such-branch-xyz"], /--base 'no-such-branch-xyz' names no commit in .*--base origin\/main/],
    ["when an option is unknown, with the usage", ["--bse", "main"], /Unknown option '--bse'[\s\S]*usage: npm run spec:check -- --base <git-ref>/],
  ])("%s", async (_, args, message) => {
    const result = await exec(tsx.command, [...tsx.args, cli, ...args], { cwd: toolsRoot });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });
});
