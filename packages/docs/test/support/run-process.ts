/** Runs a program to completion and returns its exit code and output; never throws for a non-zero exit. */
import { execFile } from "node:child_process";

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runProcess(
  file: string,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: options.cwd, env: options.env, timeout: 25_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** `PATH` and `HOME` only: a sample gets what a reader's shell has, plus what it is told. */
export function baseEnv(): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HOME: process.env.HOME };
}
