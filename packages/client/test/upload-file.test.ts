import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { fileIdParameter, fileTokenParameter, limits, retrieveFileRoute, uploadFileRoute } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentTooLargeError, createLuccaFilesClient, InvalidInputError, isInvalidInputError, isNotFoundError, PermissionDeniedError, requestAccessToken, type UploadSource } from "../src/index.ts";
import { createLuccaFilesClient as createBrowserClient } from "../src/browser.ts";
import { demoClient, recordingFetch, startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let folder: string;
const content = new Uint8Array(300_000).map((_, i) => (i * 31) % 251);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  sandbox = await startTestSandbox({ maxBodyBytes: 1_000_000 });
  folder = await mkdtemp(join(tmpdir(), "lucca-upload-"));
  await writeFile(join(folder, "data.pdf"), content);
});
afterAll(async () => {
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
});

describe("uploadFile sends every kind of source, byte for byte", () => {
  const sources: [string, () => UploadSource, string][] = [
    ["a Blob", () => new Blob([content]), "blob.pdf"],
    ["a File (its own name and type)", () => new File([content], "named.pdf", { type: "application/pdf" }), "named.pdf"],
    ["bytes", () => content, "bytes.pdf"],
    ["an ArrayBuffer", () => content.slice().buffer, "buffer.pdf"],
    ["a web ReadableStream", () => new Blob([content]).stream(), "web-stream.pdf"],
    ["a Node readable", () => Readable.from([content.subarray(0, 1000), content.subarray(1000)]), "node-stream.pdf"],
    ["a file path", () => ({ path: join(folder, "data.pdf") }), "data.pdf"],
  ];
  it.each(sources)("from %s", async (_kind, source, fileName) => {
    const client = sandbox.client();
    const { file, eTag } = await client.uploadFile(source(), fileName === "named.pdf" || fileName === "data.pdf" ? {} : { fileName });
    expect(file).toMatchObject({ type: "file", fileName, contentType: "application/pdf" });
    expect(eTag).toMatch(/^W\/"/);
    const download = await client.downloadFile(file);
    expect(sha256(await download.bytes())).toBe(sha256(content));
  });

  it("a Node fs stream uploads too (any async iterable of bytes)", async () => {
    const { file } = await sandbox.client().uploadFile(createReadStream(join(folder, "data.pdf")), { fileName: "fs.pdf" });
    expect(file.fileName).toBe("fs.pdf");
  });
});

describe("a stream with a path of its own uploads what it gives, not the file its path names", () => {
  it("an fs stream from byte 10 to 1009 uploads those 1000 bytes", async () => {
    const client = sandbox.client();
    const { file } = await client.uploadFile(createReadStream(join(folder, "data.pdf"), { start: 10, end: 1009 }), { fileName: "slice.pdf" });
    expect(sha256(await (await client.downloadFile(file)).bytes())).toBe(sha256(content.subarray(10, 1010)));
  });

  it("an fs stream whose declared size is wrong is refused as any stream is", async () => {
    const error = await sandbox.client().uploadFile(createReadStream(join(folder, "data.pdf")), { fileName: "sized.pdf", size: 5 }).catch((e) => e);
    expect(isInvalidInputError(error)).toBe(true);
    expect(error.message).toBe("size: the stream gave more than 5 bytes where size said 5; pass its exact size, or leave size out.");
  });

  it("a Node readable carrying a path (an archive entry's name) is read, not opened from disk", async () => {
    const entry = Object.assign(Readable.from([content.subarray(0, 7)]), { path: "inside/archive.pdf" });
    const client = sandbox.client();
    const { file } = await client.uploadFile(entry, { fileName: "entry.pdf" });
    expect(await (await client.downloadFile(file)).bytes()).toEqual(content.subarray(0, 7));
  });
});

describe("{ path } is checked before any request", () => {
  it("a missing file is said not to exist, and nothing is sent", async () => {
    const { calls, fetch } = recordingFetch();
    const path = join(folder, "missing.pdf");
    const error = await sandbox.client({ fetch }).uploadFile({ path }).catch((e) => e);
    expect(isInvalidInputError(error)).toBe(true);
    expect(error.message).toBe(`source.path: '${path}' does not exist; check the path.`);
    expect(calls).toHaveLength(0);
  });

  it("a folder is refused as InvalidInputError naming the fix, and nothing is sent", async () => {
    const { calls, fetch } = recordingFetch();
    const error = await sandbox.client({ fetch }).uploadFile({ path: folder }).catch((e) => e);
    expect(isInvalidInputError(error)).toBe(true);
    expect(error.message).toBe(`source.path: '${folder}' is a folder, not a file; upload its files one by one, e.g. { path: '${folder}/<file name>' }.`);
    expect(calls).toHaveLength(0);
  });

  it("a FIFO (or a device) is refused naming the stream to upload instead, and nothing is sent: with no writer, it waited forever", async () => {
    const { calls, fetch } = recordingFetch();
    const fifo = join(folder, "pipe");
    await promisify(execFile)("mkfifo", [fifo]);
    const error = await sandbox.client({ fetch }).uploadFile({ path: fifo }).catch((e) => e);
    expect(isInvalidInputError(error)).toBe(true);
    expect(error.message).toBe(`source.path: '${fifo}' is not a regular file (a FIFO or a device); upload what it gives as a stream, e.g. fs.createReadStream(path) with { fileName }.`);
    expect(calls).toHaveLength(0);
  });
});

describe("the content type is checked against the spec before any request", () => {
  it("image/jpeg is refused with the accepted spelling, and nothing is sent", async () => {
    const { calls, fetch } = recordingFetch();
    const error = await sandbox.client({ fetch }).uploadFile(new Blob([content]), { fileName: "pic.jpg", contentType: "image/jpeg" as never }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe("contentType: 'image/jpeg' is not accepted by the API; pass 'image/jpg'.");
    expect(calls).toHaveLength(0);
  });

  it.each([
    ["photo.jpeg", "image/jpg"],
    ["notes.txt", "text/plain"],
    ["sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["mystery.qqq", "binary/octet-stream"],
  ])("with no type given, %s is sent as %s, and the sandbox stores that", async (fileName, want) => {
    const { file } = await sandbox.client().uploadFile(new Blob([content]), { fileName });
    expect(file.contentType).toBe(want);
  });

  it("a browser File labelled image/jpeg is sent as image/jpg", async () => {
    const { file } = await sandbox.client().uploadFile(new File([content], "cam.jpg", { type: "image/jpeg" }));
    expect(file.contentType).toBe("image/jpg");
  });
});

describe("the browser build (src/browser.ts, here on Node's fetch) lets the API check the type, but refuses an empty one", () => {
  // A page takes an access token; the sandbox's demo client gets one here, on Node.
  const browserClient = async (options: { fetch?: typeof fetch } = {}) => {
    const { accessToken } = await requestAccessToken({ clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl });
    return createBrowserClient({ baseUrl: sandbox.url, auth: { accessToken }, retry: { maxRetries: 0 }, ...options });
  };

  it("a given image/jpeg goes as image/jpg, and the sandbox stores that", async () => {
    const { file } = await (await browserClient()).uploadFile(new Blob([content]), { fileName: "pic.jpg", contentType: "image/jpeg" as never });
    expect(file.contentType).toBe("image/jpg");
  });

  it("a file over maxUploadBytes is refused before sending, counted alone (the browser frames the FormData)", async () => {
    const { calls, fetch } = recordingFetch();
    const client = createBrowserClient({ baseUrl: sandbox.url, auth: { accessToken: "t" }, maxUploadBytes: 1_000, fetch });
    const error = await client.uploadFile(new Blob([content]), { fileName: "big.pdf" }).catch((e) => e);
    expect(error.message).toBe("source: 'big.pdf' (300000 bytes) is over the API's limit of 1000 bytes; send a smaller file.");
    expect(calls).toHaveLength(0);
  });

  it("a given contentType '' is refused before sending, naming the field, as on Node", async () => {
    const { calls, fetch } = recordingFetch();
    const error = await (await browserClient({ fetch })).uploadFile(new Blob([content], { type: "application/pdf" }), { fileName: "a.pdf", contentType: "" as never }).catch((e) => e);
    expect(isInvalidInputError(error) && error.field).toBe("contentType");
    expect(calls).toHaveLength(0);
  });
});

describe("a 404 to an upload says that baseUrl is not the API's", () => {
  it("a baseUrl with a path the API is not under (a proxy's prefix misspelled) gets a NotFoundError naming baseUrl, not ids and links", async () => {
    const baseUrl = `${sandbox.url}/gateway`;
    // Not `sandbox.client()`: its contract checker would hold the sandbox's 404 for a path outside the API against the upload's declared statuses.
    const client = createLuccaFilesClient({ baseUrl, auth: { clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl } });
    const upload = client.uploadFile(new Blob(["x"]), { fileName: "a.txt" });
    await expect(upload).rejects.toSatisfy(isNotFoundError);
    await expect(upload).rejects.toThrowError(new RegExp(`Check baseUrl: '${baseUrl}' does not serve the API\\. \\(POST `));
  });

  it("a baseUrl that ends with the API's prefix, as Lucca's docs show every path, is told that the client adds it (a gateway may mount the API there: it is not refused up front)", async () => {
    const prefix = uploadFileRoute.path.slice(0, uploadFileRoute.path.indexOf("/", 1));
    const baseUrl = `${sandbox.url}${prefix}`;
    const client = createLuccaFilesClient({ baseUrl, auth: { clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl } });
    const upload = client.uploadFile(new Blob(["x"]), { fileName: "a.txt" });
    await expect(upload).rejects.toSatisfy(isNotFoundError);
    await expect(upload).rejects.toThrowError(`Check baseUrl: '${baseUrl}' does not serve the API (the client adds ${prefix} itself). (POST ${baseUrl}${prefix}`);
  });

  it("getFile and downloadFile by { id, token } on such a baseUrl are told that the client adds it, besides checking the id (a gateway may serve the API there); a link is the API's own URL, and gets no such hint", async () => {
    const prefix = uploadFileRoute.path.slice(0, uploadFileRoute.path.indexOf("/", 1));
    const { file } = await sandbox.client().uploadFile(new Blob(["x"]), { fileName: "a.txt" });
    const { id, token } = sandbox.client().parseFileLink(file.links!.self!.href);
    const baseUrl = `${sandbox.url}${prefix}`;
    const client = createLuccaFilesClient({ baseUrl, auth: { clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl } });
    for (const read of [client.getFile({ id, token }), client.downloadFile({ id, token })]) {
      await expect(read).rejects.toSatisfy(isNotFoundError);
      await expect(read).rejects.toThrowError(`Check the id, and baseUrl: the client adds ${prefix} to '${baseUrl}' itself. (GET ${baseUrl}${retrieveFileRoute.path.slice(0, retrieveFileRoute.path.indexOf("{"))}`);
    }
    const href = `${baseUrl}${retrieveFileRoute.path.replace(`{${fileIdParameter.name}}`, id)}?${fileTokenParameter.name}=${token}`;
    const error = (await client.getFile(href).catch((e: unknown) => e)) as Error;
    expect(isNotFoundError(error)).toBe(true);
    expect(error.message).not.toContain(`adds ${prefix}`);
  });
});

describe("sizes and names are checked up front", () => {
  it("a Blob over maxUploadBytes is refused before any request, naming the sizes", async () => {
    const { calls, fetch } = recordingFetch();
    const error = await sandbox.client({ fetch, maxUploadBytes: 100_000 }).uploadFile(new Blob([content]), { fileName: "big.pdf" }).catch((e) => e);
    expect(isInvalidInputError(error)).toBe(true);
    expect(error.message).toMatch(/^source: 'big\.pdf' \(300000 bytes\) is over the API's limit of 100000 bytes with its multipart framing; send a smaller file\.$/);
    expect(calls).toHaveLength(0);
  });

  it("by default the limit is the spec's maxRequestBodyBytes: a body one byte over it is refused before any request", async () => {
    const { calls, fetch } = recordingFetch();
    // The declared size alone decides: with the multipart framing, the body would pass the limit.
    const error = await sandbox.client({ fetch }).uploadFile(new Blob(["x"]).stream(), { fileName: "big.bin", size: limits.maxRequestBodyBytes }).catch((e) => e);
    expect(isInvalidInputError(error)).toBe(true);
    expect(error.message).toMatch(new RegExp(`over the API's limit of ${limits.maxRequestBodyBytes} bytes`));
    expect(calls).toHaveLength(0);
  });

  it("a stream with a declared size over the limit is refused up front too", async () => {
    const error = await sandbox.client({ maxUploadBytes: 100_000 }).uploadFile(new Blob([content]).stream(), { fileName: "big.pdf", size: 300_000 }).catch((e) => e);
    expect(isInvalidInputError(error)).toBe(true);
  });

  it("a stream of unknown size over the server's limit gets the server's 413 as ContentTooLargeError", async () => {
    const big = new Uint8Array(1_500_000);
    const error = await sandbox.client().uploadFile(new Blob([big]).stream(), { fileName: "big.bin" }).catch((e) => e);
    expect(error).toBeInstanceOf(ContentTooLargeError);
    expect(error.status).toBe(413);
  });

  it("bytes without a fileName are refused with the fix", async () => {
    await expect(sandbox.client().uploadFile(content)).rejects.toThrowError("fileName: is required for a source without a name (a Blob, bytes or a stream), e.g. { fileName: 'report.pdf' }.");
  });
});

describe("permissions", () => {
  it("a client without files.readwrite gets PermissionDeniedError (403) naming the scope fix", async () => {
    const client = sandbox.client({ auth: { clientId: "demo", clientSecret: "demo-secret", tokenUrl: sandbox.tokenUrl, scopes: ["files.readonly"] } });
    const error = await client.uploadFile(new Blob([content]), { fileName: "x.pdf" }).catch((e) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toMatch(/^403 .*Give the client the scope this needs \(`auth\.scopes`\)/);
  });
});
