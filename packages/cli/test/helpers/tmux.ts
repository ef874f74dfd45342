/**
 * A real pseudo-terminal: tmux (Debian's `tmux`, which `.ci/run` installs) on a server of
 * its own, so that the test sees what a person would, escape codes included.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function hasTmux(): Promise<boolean> {
  return run("tmux", ["-V"]).then(
    () => true,
    () => false,
  );
}

export interface TerminalRun {
  /** Every byte the program wrote to the terminal (tmux pipe-pane). */
  raw: string;
  /** The screen at the end (tmux capture-pane), lines joined where they wrapped. */
  screen: string;
  exitCode: number;
}

const exitMark = "[exit ";

/**
 * Runs `command` (argv) in a fresh tmux pane of `columns` × 30 with exactly `env`, and
 * returns what it wrote and what the screen shows when it has exited. tmux's wait-for
 * channels order the steps: the output is recorded before the program starts, and read
 * after it ends.
 */
export async function runInTerminal(command: readonly string[], env: Record<string, string>, folder: string, columns = 120): Promise<TerminalRun> {
  // A server of its own per run: tests run side by side, and wait-for channels are per server.
  const socket = `lucca-cli-test-${randomUUID()}`;
  const rawFile = join(folder, `${socket}.raw`);
  const script = join(folder, `${socket}.sh`);
  const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
  await writeFile(
    script,
    [
      "tmux wait-for go",
      `env -i ${Object.entries(env).map(([key, value]) => quote(`${key}=${value}`)).join(" ")} ${command.map(quote).join(" ")}`,
      'echo "[exit $?]"',
      "tmux wait-for -S done",
      "sleep 60",
    ].join("\n"),
  );
  const tmux = (...args: string[]) => run("tmux", ["-L", socket, "-f", "/dev/null", ...args]);
  await tmux("new-session", "-d", "-x", String(columns), "-y", "30", "sh", script);
  try {
    await tmux("pipe-pane", "-o", `cat >> ${quote(rawFile)}`);
    await tmux("wait-for", "-S", "go");
    await tmux("wait-for", "done");
    // The exit line comes after everything the program wrote, on the same terminal: once
    // tmux shows it and has piped it, the program's output is all there.
    let screen = "";
    let raw = "";
    for (let tries = 0; !(screen.includes(exitMark) && raw.includes(exitMark)); tries++) {
      if (tries > 200) throw new Error(`tmux never showed the program's exit; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
      screen = (await tmux("capture-pane", "-p", "-J")).stdout;
      raw = await readFile(rawFile, "utf8").catch(() => "");
    }
    const exitCode = Number(/\[exit (\d+)\]/.exec(screen)?.[1]);
    return { raw, screen: screen.replace(/\[exit \d+\]\n?/, ""), exitCode };
  } finally {
    await tmux("kill-server").catch(() => undefined);
  }
}
