/**
 * A file of 0 bytes, which the API stores (an empty .txt, a placeholder), downloads as
 * empty content. The sandbox answers 200 with `Content-Length: 0`, which openapi-fetch
 * turns into `data: undefined` (as for a 204): downloadFile threw InvalidResponseError
 * "… answered 200 without content." before any read (found by the outside-in audit,
 * through `lucca-files download`, which exited 5).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadedFile } from "../src/index.ts";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let empty: UploadedFile;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  empty = await sandbox.client().uploadFile(new Uint8Array(0), { fileName: "empty.txt" });
});
afterAll(() => sandbox?.close());

describe("a file of 0 bytes downloads as empty content", () => {
  it("bytes() gives 0 bytes, with the file's name and size", async () => {
    const download = await sandbox.client().downloadFile(empty.file);
    expect(download).toMatchObject({ fileName: "empty.txt", size: 0 });
    expect(await download.bytes()).toEqual(new Uint8Array(0));
  });

  it("saveTo() writes an empty file", async () => {
    const folder = await mkdtemp(join(tmpdir(), "lucca-zero-"));
    try {
      const download = await sandbox.client().downloadFile(empty.file);
      expect(await download.saveTo(join(folder, "empty.txt"))).toMatchObject({ bytes: 0 });
      expect((await readFile(join(folder, "empty.txt"))).length).toBe(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
