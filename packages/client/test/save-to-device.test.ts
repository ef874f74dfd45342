/**
 * `download.saveTo(path)` writes atomically (a temporary file beside `path`, renamed over
 * it), except into a device or a FIFO, which it writes into as a shell's `>` would: a file
 * renamed over one replaces the node itself (found by the outside-in audit: run as root,
 * `lucca-files download -o /dev/null` turned the machine's /dev/null into a regular
 * file). A FIFO, which any user can make, shows the rule.
 */
import { execFile, spawn } from "node:child_process";
import { lstat, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { UploadedFile } from "../src/index.ts";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let folder: string;
let uploaded: UploadedFile;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  folder = await mkdtemp(join(tmpdir(), "lucca-save-device-"));
  uploaded = await sandbox.client().uploadFile(new TextEncoder().encode("into a pipe"), { fileName: "pipe.txt" });
});
afterAll(async () => {
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
});

it("saveTo() into a FIFO writes the content into it and leaves it a FIFO", async () => {
  const fifo = join(folder, "pipe");
  await promisify(execFile)("mkfifo", [fifo]);
  // The reader in a process of its own: an open() of a FIFO waits for a writer.
  const reader = spawn("sh", ["-c", 'exec cat < "$0"', fifo], { stdio: ["ignore", "pipe", "ignore"] });
  try {
    let read = "";
    reader.stdout.on("data", (chunk: Buffer) => (read += chunk));
    const download = await sandbox.client().downloadFile(uploaded.file);
    expect(await download.saveTo(fifo)).toEqual({ path: fifo, bytes: "into a pipe".length });
    await new Promise((resolve) => reader.once("close", resolve));
    expect(read).toBe("into a pipe");
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  } finally {
    reader.kill();
  }
});
