import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAbortError, isInvalidInputError, PreconditionFailedError, type UploadedFile } from "../src/index.ts";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let folder: string;
let uploaded: UploadedFile;
const content = new Uint8Array(2_000_000).map((_, i) => (i * 7) % 256);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  sandbox = await startTestSandbox();
  folder = await mkdtemp(join(tmpdir(), "lucca-download-"));
  uploaded = await sandbox.client().uploadFile(new Blob([content]), { fileName: "résumé final.pdf" });
});
afterAll(async () => {
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
});

describe("downloadFile gives the content four ways, with its metadata", () => {
  it("carries content type, file name (UTF-8, from Content-Disposition), size and ETag", async () => {
    const download = await sandbox.client().downloadFile(uploaded.file);
    expect(download).toMatchObject({ fileName: "résumé final.pdf", size: content.length, eTag: expect.stringMatching(/^W\/".+"$/), offset: 0 });
    // The content's own validator: the upload's is the JSON's (one ETag per representation, RFC 9110 section 8.8.3).
    expect(download.eTag).not.toBe(uploaded.eTag);
    expect(download.contentType).toMatch(/^application\/pdf/);
    await download.body.cancel();
  });

  it.each([
    ["as a stream", async (d: Awaited<ReturnType<ReturnType<TestSandbox["client"]>["downloadFile"]>>) => new Uint8Array(await new Response(d.body).arrayBuffer())],
    ["as a Blob", async (d: Awaited<ReturnType<ReturnType<TestSandbox["client"]>["downloadFile"]>>) => new Uint8Array(await (await d.blob()).arrayBuffer())],
    ["as bytes", (d: Awaited<ReturnType<ReturnType<TestSandbox["client"]>["downloadFile"]>>) => d.bytes()],
  ])("%s, byte for byte", async (_way, read) => {
    const download = await sandbox.client().downloadFile(uploaded.file.links!.self!.href);
    expect(sha256(await read(download))).toBe(sha256(content));
  });

  it("blob() is typed with the download's content type (for URL.createObjectURL previews)", async () => {
    const download = await sandbox.client().downloadFile(uploaded.file);
    const blob = await download.blob();
    expect(download.contentType).toMatch(/^application\/pdf/);
    expect(blob.type).toBe(download.contentType!.toLowerCase());
  });

  it("saved to a path, byte for byte, with no temporary file left", async () => {
    const target = join(folder, "saved.pdf");
    const result = await (await sandbox.client().downloadFile(uploaded.file)).saveTo(target);
    expect(result).toEqual({ path: target, bytes: content.length });
    expect(sha256(await readFile(target))).toBe(sha256(content));
    expect(await readdir(folder)).toEqual(["saved.pdf"]);
  });

  it("saving is atomic: an aborted download leaves the existing file untouched and no partial file", async () => {
    const target = join(folder, "keep.pdf");
    await writeFile(target, "previous version");
    const controller = new AbortController();
    const download = await sandbox.client().downloadFile(uploaded.file, { signal: controller.signal });
    const reader = download.body.getReader();
    await reader.read();
    reader.releaseLock();
    controller.abort();
    const error = await download.saveTo(target).catch((e) => e);
    expect(isAbortError(error)).toBe(true);
    expect(await readFile(target, "utf8")).toBe("previous version");
    expect((await readdir(folder)).filter((name) => name.startsWith(".keep.pdf"))).toEqual([]);
  });

  it.each([
    ["bytes()", (d: Awaited<ReturnType<ReturnType<TestSandbox["client"]>["downloadFile"]>>) => d.bytes()],
    ["blob()", (d: Awaited<ReturnType<ReturnType<TestSandbox["client"]>["downloadFile"]>>) => d.blob()],
  ])("the caller's signal ends %s with AbortError, as it ends body (the chromium test pins the same)", async (_way, read) => {
    const controller = new AbortController();
    const download = await sandbox.client().downloadFile(uploaded.file, { signal: controller.signal, onProgress: () => controller.abort() });
    const error = await read(download).catch((e) => e);
    expect(isAbortError(error)).toBe(true);
  });

  it.each([
    ["saveTo after bytes()", async (d: Awaited<ReturnType<ReturnType<TestSandbox["client"]>["downloadFile"]>>) => (await d.bytes(), d.saveTo(join(folder, "twice.pdf")))],
    ["bytes() after blob()", async (d: Awaited<ReturnType<ReturnType<TestSandbox["client"]>["downloadFile"]>>) => (await d.blob(), d.bytes())],
  ])("content is read once: %s says so and how to read it again", async (_what, readTwice) => {
    const error = await readTwice(await sandbox.client().downloadFile(uploaded.file)).catch((e) => e);
    expect(isInvalidInputError(error)).toBe(true);
    expect(error.message).toBe("download: its content can be read once (body, blob(), bytes() or saveTo()); call downloadFile again.");
  });

  it("offset asks a Range: the rest of the file comes as 206, and size is still the whole file", async () => {
    const download = await sandbox.client().downloadFile(uploaded.file, { offset: 1_500_000 });
    expect(download.offset).toBe(1_500_000);
    expect(download.size).toBe(content.length);
    expect(sha256(await download.bytes())).toBe(sha256(content.subarray(1_500_000)));
  });

  it("ifMatch with a stale ETag throws PreconditionFailedError", async () => {
    await expect(sandbox.client().downloadFile(uploaded.file, { ifMatch: '"stale"' })).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it("an offset at the file's end (a partial copy that is in fact whole) is the API's 416, whose message names offset", async () => {
    const download = sandbox.client().downloadFile(uploaded.file, { offset: content.length });
    await expect(download).rejects.toMatchObject({ status: 416 });
    await expect(download).rejects.toThrowError(`Check offset: ${content.length} is not before the file's end. (GET `);
  });

  it("a negative offset is refused naming the option", async () => {
    await expect(sandbox.client().downloadFile(uploaded.file, { offset: -1 })).rejects.toThrowError("offset: '-1' must be a whole number of bytes ≥ 0.");
  });
});
