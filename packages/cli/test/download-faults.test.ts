import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { execFile, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { exitCodes } from "../src/cli/exit-codes.ts";
import { binPath, cleanEnv, eventually, spawnCli } from "./helpers/run-cli.ts";
import { runMain } from "./helpers/run-main.ts";
import { demoClient, startFaultyProxy, startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let folder: string;
let source: string;
const content = new Uint8Array(4_000_000).map((_, i) => (i * 17) % 253);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  sandbox = await startTestSandbox();
  folder = await mkdtemp(join(tmpdir(), "lucca-cli-faults-"));
  source = join(folder, "big.bin");
  await writeFile(source, content);
});
afterAll(async () => {
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
});

/** big.bin, uploaded once in-process by the client: both tests download it. */
let uploaded: Promise<string> | undefined;
const uploadedLink = (): Promise<string> => (uploaded ??= sandbox.uploadLink({ path: source }));

/** The CLI's download of big.bin through `proxyUrl` into a fresh folder: its arguments and environment. */
async function downloadThrough(proxyUrl: string) {
  const link = (await uploadedLink()).replace(sandbox.url, proxyUrl);
  const into = await mkdtemp(join(folder, "into-"));
  const env = {
    LUCCA_BASE_URL: proxyUrl,
    LUCCA_TOKEN_URL: `${proxyUrl}${new URL(sandbox.tokenUrl).pathname}`,
    LUCCA_CLIENT_ID: demoClient.clientId,
    LUCCA_CLIENT_SECRET: demoClient.clientSecret,
  };
  return { into, args: ["download", link, "-o", join(into, "big.bin")], env };
}

it("Ctrl-C mid-download exits 130 and leaves no partial file", async () => {
  const proxy = await startFaultyProxy(sandbox.url, { afterBytes: 256 * 1024, fault: "hold" });
  try {
    // A real process: Ctrl-C is a signal to it (src/bin.ts turns it into the abort).
    const { into, args, env } = await downloadThrough(proxy.url);
    const { child, result } = spawnCli(args, { env });
    // Mid-download: the temporary file beside the target has received bytes, and no more are coming.
    await eventually(async () => {
      const names = await readdir(into);
      return names.length === 1 && names[0]!.endsWith(".part") && (await stat(join(into, names[0]!))).size > 0;
    }, "the download's temporary file to fill");
    child.kill("SIGINT");
    const { code, stderr } = await result;
    expect(code).toBe(exitCodes.cancelled);
    expect(stderr).toMatch(/^lucca-files: cancelled \(Ctrl-C\)\.$/m);
    expect(await readdir(into)).toEqual([]);
  } finally {
    await proxy.close();
  }
});

// A write blocked for good in a worker thread (a terminal on hold, a FIFO's open) made
// process.exit wait for it: the README's "a second Ctrl-C ends it at once" did not hold.
it("a second Ctrl-C ends the process by the signal, even while a worker thread is blocked for good", async () => {
  const proxy = await startFaultyProxy(sandbox.url, { afterBytes: 256 * 1024, fault: "hold" });
  try {
    const { into, args, env } = await downloadThrough(proxy.url);
    // Loaded before the command: an open() of a FIFO no one reads holds one of libuv's threads.
    const fifo = join(into, "never-read");
    await promisify(execFile)("mkfifo", [fifo]);
    const blocker = join(into, "block-a-thread.mjs");
    await writeFile(blocker, `import { open } from "node:fs/promises";\nopen(${JSON.stringify(fifo)}, "w").catch(() => undefined);\n`);
    const { child, result } = spawnCli([...args.slice(0, 3), join(into, "big.bin")], { env: { ...env, NODE_OPTIONS: `--import ${pathToFileURL(blocker).href}` } });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    // On code whose exit waits for the blocked thread, the test fails by its assertion rather than leaving the command running.
    const stop = setTimeout(() => child.kill("SIGKILL"), 20_000);
    try {
      await eventually(async () => (await readdir(into)).some((name) => name.endsWith(".part")), "the download to start");
      child.kill("SIGINT");
      // The first one cancels as ever (the message is written), then the exit waits for the thread.
      await eventually(() => stderr.includes("lucca-files: cancelled (Ctrl-C)."), "the cancellation");
      child.kill("SIGINT");
      expect((await result).signal).toBe("SIGINT");
    } finally {
      clearTimeout(stop);
      child.kill("SIGKILL");
    }
  } finally {
    await proxy.close();
  }
});

it("a connection cut mid-download resumes where it broke (the client's resume), says so on stderr, and the file is whole", async () => {
  const proxy = await startFaultyProxy(sandbox.url, { afterBytes: 1_000_000, fault: "drop-once" });
  try {
    const { into, args, env } = await downloadThrough(proxy.url);
    const { code, stderr } = await runMain(args, { env });
    expect(stderr).not.toContain("lucca-files:");
    // The client's note, without --debug: a wait or a resume is not a silent stall.
    expect(stderr).toMatch(/^\[lucca-api\/client\] GET \S+token=\[redacted\]\S* at byte \d+ broke off; resuming from there \(attempt 1\)\.$/m);
    expect(code).toBe(exitCodes.ok);
    expect(await readdir(into)).toEqual(["big.bin"]);
    expect(sha256(await readFile(join(into, "big.bin")))).toBe(sha256(content));
  } finally {
    await proxy.close();
  }
});

it("--quiet drops the client's notes: a resumed download leaves stderr empty, and the file is whole", async () => {
  const proxy = await startFaultyProxy(sandbox.url, { afterBytes: 1_000_000, fault: "drop-once" });
  try {
    const { into, args, env } = await downloadThrough(proxy.url);
    const { code, stderr } = await runMain(["--quiet", ...args], { env });
    expect(code).toBe(exitCodes.ok);
    expect(stderr).toBe("");
    expect(sha256(await readFile(join(into, "big.bin")))).toBe(sha256(content));
  } finally {
    await proxy.close();
  }
});

// `lucca-files download "$LINK" -o - | slow-reader`: the content waits for the reader, and
// Ctrl-C then left the command waiting with it (until the reader went away: exit 0).
it("Ctrl-C while stdout's reader has stopped reading exits 130 at once", async () => {
  const { args, env } = await downloadThrough(sandbox.url);
  const child = spawn(process.execPath, [binPath, ...args.slice(0, 2), "-o", "-"], { env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  // stdout is never read: once the pipe is full, every write waits.
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    await eventually(() => stderr.includes("downloading"), "the download to start");
    child.kill("SIGINT");
    expect(await exited).toBe(exitCodes.cancelled);
    expect(stderr).toMatch(/^lucca-files: cancelled \(Ctrl-C\)\.$/m);
  } finally {
    child.kill("SIGKILL");
    child.stdout.destroy();
  }
});
