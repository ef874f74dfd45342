/**
 * A real pseudo-terminal: tmux (Debian's `tmux`, which `.ci/run` installs) on a server of
 * its own, so that the test sees what a person would, escape codes included.
 */
import { execFile } from "node:child_process";
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
}

/**
 * Runs `command` (argv) in a fresh tmux pane of `columns` × 30 with exactly `env`, and
 * returns what it wrote and what the screen shows when it has exited. tmux's wait-for
 * channels order the steps: the output is recorded before the program starts, and read
 * after it ends.
 */
export async function runInTerminal(command: readonly string[], env: Record<string, string>, folder: string, columns = 120): Promise<TerminalRun> {
  const socket = `lucca-cli-test-${process.pid}-${Date.now()}`;
  const rawFile = join(folder, `${socket}.raw`);
  const script = join(folder, `${socket}.sh`);
  const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
  await writeFile(
    script,
    [
      "tmux wait-for go",
      `env -i ${Object.entries(env).map(([key, value]) => quote(`${key}=${value}`)).join(" ")} ${command.map(quote).join(" ")}`,
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
    const { stdout: screen } = await tmux("capture-pane", "-p", "-J");
    return { raw: await readFile(rawFile, "utf8"), screen };
  } finally {
    await tmux("kill-server").catch(() => undefined);
  }
}
