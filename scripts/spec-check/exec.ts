/** Runs a command and returns what it printed: a non-zero exit is a value, not an exception. */
import { spawn } from "node:child_process";

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  cwd: string;
  env?: Record<string, string>;
}

// Redocly on Node 20 prints a boxed deprecation notice on every command; it is noise in a report.
const DEPRECATION_BOX = /^\s*[╔║╚].*$\n?/gmu;
// Colours would end up as escape codes in a Markdown report.
const ANSI = /\u001b\[[0-9;]*m/g;

export function clean(text: string): string {
  return text.replace(ANSI, "").replace(DEPRECATION_BOX, "").trim();
}

export function exec(command: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: {
        ...process.env,
        NO_COLOR: "1",
        FORCE_COLOR: "0",
        TURBO_TELEMETRY_DISABLED: "1",
        DO_NOT_TRACK: "1",
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }),
    );
  });
}
