import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binPath } from "./helpers/run-cli.ts";
import { startFaultyProxy, startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";
import { hasTmux, runInTerminal } from "./helpers/tmux.ts";

// CI installs tmux (.ci/run); elsewhere a machine without it skips, saying so.
const tmux = await hasTmux();
if (!tmux && process.env.CI) throw new Error("tmux is missing: .ci/run installs it from Debian (apt-get install tmux).");
if (!tmux) console.warn("terminal.test.ts skipped: no tmux (apt-get install -y tmux)");

let sandbox: TestSandbox;
let folder: string;
let file: string;
const colour = /\u001B\[3\dm/;
const anyStyle = /\u001B\[[\d;]*m/;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  folder = await mkdtemp(join(tmpdir(), "lucca-cli-tty-"));
  file = join(folder, "scan.pdf");
  await writeFile(file, new Uint8Array(8_000_000).fill(1));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
});

const baseEnv = () => ({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TERM: "xterm-256color" });

describe.skipIf(!tmux)("on a terminal (tmux)", () => {
  it("draws the bar at once, redraws it in place, and leaves it finished above the result", async () => {
    const { raw, screen, exitCode } = await runInTerminal([process.execPath, binPath, ...sandbox.flags, "upload", file], baseEnv(), folder);
    expect(exitCode).toBe(0);
    // Drawn before the first byte moves, with the cursor hidden while it redraws...
    expect(raw).toMatch(/scan\.pdf\s+\S*░+\S*\s+0%\s+0 B\/8\.00 MB/);
    expect(raw).toContain("\u001B[?25l");
    // ...and finished: 100 %, the check mark, the cursor back.
    expect(raw).toContain("\u001B[?25h");
    const lines = screen.split("\n").filter((line) => line.trim() !== "");
    expect(lines[0]).toMatch(/^✓\s+scan\.pdf\s+█+\s+100%\s+8\.00 MB\/8\.00 MB\s+\S+ [kMG]?B\/s\s+in \S+$/);
    expect(lines[1]).toMatch(new RegExp(`^scan\\.pdf\\s+[0-9a-f-]{36}\\s+${sandbox.url}/lucca-api/files/`));
    expect(lines).toHaveLength(2);
    expect(raw).toMatch(colour);
  });

  // The client's note (a resumed download) comes while the bar is drawn: the bar is
  // cleared, the note written, the bar drawn again below it; no stale frame stays above.
  it("a note of the client's is written above the bar, which is drawn again below it", async () => {
    const link = await sandbox.uploadLink({ path: file });
    const proxy = await startFaultyProxy(sandbox.url, { afterBytes: 6_000_000, fault: "drop-once" });
    try {
      const target = join(folder, "copy.pdf");
      const command = [process.execPath, binPath, "--sandbox", "--host", proxy.url, "download", link.replace(sandbox.url, proxy.url), "-o", target];
      const { raw, screen, exitCode } = await runInTerminal(command, baseEnv(), folder);
      expect(exitCode).toBe(0);
      const note = /\[lucca-api\/client\] GET \S+ at byte \d+ broke off; resuming from there \(attempt 1\)\./;
      // The bar was on screen when the note came (the case this pins), and is drawn after it.
      expect(raw.search(/copy\.pdf\s+\S*░/)).toBeLessThan(raw.search(note));
      const lines = screen.split("\n").filter((line) => line.trim() !== "");
      expect(lines[0]).toMatch(note);
      expect(lines[1]).toMatch(/^✓\s+copy\.pdf\s+█+\s+100%\s+8\.00 MB\/8\.00 MB/);
      expect(lines[2]).toBe(target);
      expect(lines).toHaveLength(3);
    } finally {
      await proxy.close();
    }
  });

  it("NO_COLOR keeps the bar and drops the colours", async () => {
    const { raw, screen } = await runInTerminal([process.execPath, binPath, ...sandbox.flags, "upload", file], { ...baseEnv(), NO_COLOR: "1" }, folder);
    expect(screen).toMatch(/✓\s+scan\.pdf\s+█+\s+100%/);
    expect(raw).not.toMatch(anyStyle);
  });
});
