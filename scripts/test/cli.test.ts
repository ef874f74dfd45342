import path from "node:path";
import { describe, expect, it } from "vitest";
import { specCheckCommand } from "../spec-check/command.ts";
import { exec } from "../spec-check/exec.ts";
import { toolsRoot, tsx } from "../spec-check/tools.ts";

const cli = path.join(toolsRoot, "scripts/spec-check/cli.ts");

/** The command in this process, as cli.ts runs it: its exit code and what it printed. */
async function specCheckInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await specCheckCommand(args, toolsRoot, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

// The command line starts tsx (about 0.4 s of CPU) for one case: it shows the exit code and
// the streams reach the shell; the other cases run the same function in this process. The
// end-to-end test runs the command line once failing and once passing.
describe("spec:check refuses to run without a base to compare with", { timeout: 120_000 }, () => {
  it.each([
    ["when --base is missing, saying what to pass", [], /--base is required: the git ref to compare the spec with.*--base main/],
    ["when --base names no commit, naming the ref", ["--base", "no-such-branch-xyz"], /--base 'no-such-branch-xyz' names no commit in .*--base origin\/main/],
    ["when an option is unknown, with the usage", ["--bse", "main"], /Unknown option '--bse'[\s\S]*usage: npm run spec:check -- --base <git-ref>/],
  ])("%s", async (_, args, message) => {
    const result = await specCheckInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("on the command line too: exit code 2, the reason on stderr, nothing on stdout", async () => {
    const result = await exec(tsx.command, [...tsx.args, cli, "--bse", "main"], { cwd: toolsRoot });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^spec:check: Unknown option '--bse'[\s\S]*usage: npm run spec:check -- --base <git-ref> \[--out <file\.md>\]\n$/);
    expect(result.stdout).toBe("");
  });
});
