/**
 * Runs one command of the rehearsal, its output shown as it comes (indented under the
 * step) and kept for the error when it fails. Commands run with npm's own `npm_*`
 * variables removed: `npm run release:rehearse` would otherwise hand its children the
 * repository as their npm prefix (`npm_config_local_prefix`).
 */
import { spawn, type ChildProcess } from "node:child_process";

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Print the command's output as it comes; default true. */
  echo?: boolean;
}

/** The environment a command of the rehearsal starts from. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!name.startsWith("npm_") && name !== "INIT_CWD") env[name] = value;
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "0", TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", ...extra };
}

export function log(message: string): void {
  console.log(`[rehearsal] ${message}`);
}

function indent(chunk: Buffer): string {
  return chunk
    .toString()
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => `    ${line}\n`)
    .join("");
}

/** Runs `command args` and resolves with its stdout; rejects naming the command and its output. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<string> {
  const { echo = true } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: cleanEnv(options.env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
      if (echo) process.stdout.write(indent(chunk));
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stdout.write(indent(chunk));
    });
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`\`${command} ${args.join(" ")}\` in ${options.cwd} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

export interface Started {
  match: RegExpExecArray;
  /** Ends the command and whatever it started (`npx` runs the bin as its own child). */
  stop(): void;
}

/** Starts a long-running command in its own process group; resolves once `ready` matches its output. */
export function startUntil(command: string, args: readonly string[], options: RunOptions, ready: RegExp): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: cleanEnv(options.env), stdio: ["ignore", "pipe", "pipe"], detached: true });
    const stop = () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    };
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(indent(chunk));
      const match = ready.exec(output);
      if (match) resolve({ match, stop });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`\`${command} ${args.join(" ")}\` exited with ${code} before it was ready:\n${output}`)));
  });
}
