/**
 * A terminal that reports 0 columns (util-linux `script` without a terminal around it
 * gives its pseudo-terminal a size of 0 × 0; some CI runners do the same): a bar cannot
 * be laid out in 0 columns, so the command writes the plain lines it writes to a pipe.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { endpoints } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binPath } from "./helpers/run-cli.ts";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

const run = promisify(execFile);
// `script` is util-linux's (Debian's bsdutils, always installed there).
const hasScript = await run("script", ["--version"]).then(
  () => true,
  () => false,
);
if (!hasScript && process.env.CI) throw new Error("`script` (util-linux) is missing: install Debian's bsdutils.");
if (!hasScript) console.warn("zero-columns.test.ts skipped: no `script` (util-linux)");

let sandbox: TestSandbox;
let folder: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  folder = await mkdtemp(join(tmpdir(), "lucca-cli-zero-"));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
});

// A terminal 100 columns wide but 0 rows high (`stty cols 100` alone in such a pseudo-terminal)
// showed nothing either: log-update keeps the frame's last `rows` lines, none of 0.
describe.skipIf(!hasScript).each([
  ["0 columns", "", "0 0"],
  ["0 rows", "stty cols 100; ", "0 100"],
])("on a terminal of %s", (_, resize, size) => {
  it("progress falls back to plain lines: the final 'uploaded' line and the result are written", async () => {
    const file = join(folder, "notes.txt");
    await writeFile(file, "hello, zero columns");
    const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
    const command = [process.execPath, binPath, ...sandbox.flags, "upload", file].map(quote).join(" ");
    // stdin is not a terminal, so `script` sizes its pseudo-terminal 0 × 0; with -e its exit code
    // is the command's, and execFile rejects on any but 0.
    const { stdout } = await run("script", ["-qfec", `${resize}stty size; ${command}`, "/dev/null"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TERM: "xterm-256color" },
    });
    const lines = stdout.split(/\r?\n/);
    expect(lines[0]).toBe(size);
    expect(stdout).toMatch(/^uploaded notes\.txt: 19 B in \S+/m);
    expect(stdout).toMatch(new RegExp(`^notes\\.txt\\s+[0-9a-f-]{36}\\s+${sandbox.url}${endpoints.uploadFile.path}/`, "m"));
  });
});
