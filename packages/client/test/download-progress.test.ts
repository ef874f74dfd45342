import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DownloadProgress, UploadedFile } from "../src/index.ts";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let uploaded: UploadedFile;
const content = new Uint8Array(3_000_000).map((_, i) => (i * 13) % 256);

beforeAll(async () => {
  sandbox = await startTestSandbox();
  uploaded = await sandbox.client().uploadFile(new Blob([content]), { fileName: "progress.bin" });
});
afterAll(() => sandbox?.close());

describe("downloadFile's onProgress follows the content as it is read", () => {
  it("climbs in steps to the file's size, never past it", async () => {
    const seen: DownloadProgress[] = [];
    const download = await sandbox.client().downloadFile(uploaded.file, { onProgress: (progress) => seen.push(progress) });
    const bytes = await download.bytes();
    expect(bytes.byteLength).toBe(content.length);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every(({ total }) => total === content.length)).toBe(true);
    expect(seen.map(({ loaded }) => loaded)).toEqual([...seen.map(({ loaded }) => loaded)].sort((a, b) => a - b));
    expect(seen.at(-1)!.loaded).toBe(content.length);
  });

  it("counts from the offset of a partial download", async () => {
    const seen: DownloadProgress[] = [];
    const offset = 1_000_000;
    const download = await sandbox.client().downloadFile(uploaded.file, { offset, onProgress: (progress) => seen.push(progress) });
    await download.bytes();
    expect(seen[0]!.loaded).toBeGreaterThan(offset);
    expect(seen.at(-1)).toEqual({ loaded: content.length, total: content.length });
  });
});
