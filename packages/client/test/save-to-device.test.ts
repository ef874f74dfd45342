/**
 * Found by the outside-in audit (h-audit): `download.saveTo(path)` writes a temporary file
 * beside `path` and renames it over it, whatever `path` is. For a device or a FIFO that
 * replaces the node itself: run as root, `saveTo("/dev/null")` turns the machine's
 * /dev/null into a regular file (seen during the audit through `lucca-files download -o
 * /dev/null`, which now streams into devices itself). A FIFO, which any user can make,
 * shows the same here. saveTo now writes into what is not a regular file (nor a folder).
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
    const read = new Promise<string>((resolve) => {
      let text = "";
      reader.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      reader.on("close", () => resolve(text));
    });
    const download = await sandbox.client().downloadFile(uploaded.file);
    expect(await download.saveTo(fifo)).toEqual({ path: fifo, bytes: "into a pipe".length });
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(await read).toBe("into a pipe");
  } finally {
    reader.kill();
  }
});
