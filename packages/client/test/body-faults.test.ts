/**
 * Upload and download faults through a scripted server: which bodies are re-sent, and
 * how a download that breaks off resumes.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { currentApiVersion, parameters } from "@lucca-api/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, isInvalidInputError, ServerError, TimeoutError } from "../src/index.ts";
import { fastClient, linkOn } from "./helpers/clients.ts";
import { fileBody, json, problem, startFaultServer, type FaultServer } from "./helpers/fault-server.ts";
import { startStrictServer } from "./helpers/strict-http-server.ts";

let server: FaultServer;
afterEach(() => server?.close());

const content = new Uint8Array(1_000_000).map((_, i) => (i * 13) % 256);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("uploads are retried only when their body can be sent again", () => {
  const unavailableOnce = () => startFaultServer((_req, res, i) => (i === 0 ? json(res, 503, problem(503, "Down")) : json(res, 201, fileBody(server.url))));

  it("a Blob upload is re-sent whole after a 503", async () => {
    server = await unavailableOnce();
    await fastClient(server.url).uploadFile(new Blob([content]), { fileName: "a.bin" });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.bodyBytes).toBe(server.requests[1]!.bodyBytes);
    expect(server.requests[1]!.bodyBytes).toBeGreaterThan(content.length);
  });

  it("a stream upload is sent once: the 503 becomes a ServerError", async () => {
    server = await unavailableOnce();
    const error = await fastClient(server.url).uploadFile(new Blob([content]).stream(), { fileName: "a.bin" }).catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("the body is one multipart part named as the spec says, with the file's name and accepted type", async () => {
    server = await startFaultServer((_req, res) => json(res, 201, fileBody(server.url)));
    await fastClient(server.url).uploadFile(new Blob(["hello"]), { fileName: "pic.jpeg", include: ["links", "embedded"] });
    const [request] = server.requests;
    expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request!.body).toContain('Content-Disposition: form-data; name="form"; filename="pic.jpeg"\r\nContent-Type: image/jpg\r\n\r\nhello\r\n');
    expect(request!.url).toBe("/lucca-api/files?include=links,embedded");
    expect(request!.headers[parameters.apiVersion.name.toLowerCase()]).toBe(currentApiVersion);
  });

  it.each([
    ["a Blob goes with its Content-Length", () => new Blob([content]), (request: { headers: Record<string, unknown>; bodyBytes: number }) => expect(request.headers["content-length"]).toBe(String(request.bodyBytes))],
    ["a stream of unknown size goes chunked", () => new Blob([content]).stream(), (request: { headers: Record<string, unknown> }) => expect(request.headers["transfer-encoding"]).toBe("chunked")],
  ])("%s", async (_rule, source, check) => {
    server = await startFaultServer((_req, res) => json(res, 201, fileBody(server.url)));
    await fastClient(server.url).uploadFile(source(), { fileName: "a.bin" });
    check(server.requests[0]!);
  });

  it.each([
    ["smaller", 10],
    ["larger", 1_000],
  ])("a stream whose declared size is %s than what it gives is refused as InvalidInputError naming size, not a network failure", async (_how, size) => {
    server = await startFaultServer((_req, res) => json(res, 201, fileBody(server.url)));
    const error = await fastClient(server.url).uploadFile(new Blob([new Uint8Array(100)]).stream(), { fileName: "a.bin", size }).catch((e) => e);
    expect(isInvalidInputError(error)).toBe(true);
    expect(error.message).toMatch(new RegExp(`^size: the stream gave (more than )?${size === 10 ? 10 : 100} bytes where size said ${size}; pass its exact size, or leave size out\\.$`));
  });

  it("a non-ASCII file name goes as filename* (RFC 8187) with an ASCII fallback", async () => {
    server = await startFaultServer((_req, res) => json(res, 201, fileBody(server.url)));
    await fastClient(server.url).uploadFile(new Blob(["x"]), { fileName: "reçu.pdf" });
    expect(server.requests[0]!.body).toContain(`filename="re_u.pdf"; filename*=UTF-8''re%C3%A7u.pdf`);
  });

  it.each([
    ["an upload", (client: ReturnType<typeof fastClient>) => client.uploadFile(new Blob(["x"]), { fileName: "a.txt" })],
    ["a metadata read", (client: ReturnType<typeof fastClient>) => client.getFile(linkOn(server.url))],
    ["a download", async (client: ReturnType<typeof fastClient>) => (await client.downloadFile(linkOn(server.url))).bytes()],
  ])("redirects are refused for %s: neither the body nor the bearer token reaches the other host", async (_what, call) => {
    const elsewhere = await startFaultServer((_req, res) => json(res, 200, fileBody(server.url)));
    try {
      server = await startFaultServer((_req, res) => {
        res.writeHead(307, { Location: `${elsewhere.url}/lucca-api/files` });
        res.end();
      });
      const error = await call(fastClient(server.url, { retry: { maxRetries: 0 } })).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe("the per-attempt timeout of an upload counts idle time, not the whole upload", () => {
  /** A stream that yields a chunk every `gap` ms, `count` times. */
  /** A chunk every `gap` ms until `lasting` ms have passed since the first: however late timers fire, the whole lasts that long. */
  const trickle = (gap: number, lasting: number) => {
    let startedAt: number | undefined;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        startedAt ??= performance.now();
        if (performance.now() - startedAt > lasting) return controller.close();
        await new Promise((resolve) => setTimeout(resolve, gap));
        controller.enqueue(new Uint8Array(1024));
      },
    });
  };

  it("an upload that keeps making progress outlives the timeout", async () => {
    server = await startFaultServer((_req, res) => json(res, 201, fileBody(server.url)));
    // A chunk every 50 ms for 1.5 s: longer than the 1 s timeout in all, by construction, while
    // a silence of 1 s would need the process starved of CPU for some 950 ms.
    const startedAt = performance.now();
    const { file } = await fastClient(server.url, { timeout: 1_000 }).uploadFile(trickle(50, 1_500), { fileName: "slow.bin" });
    expect(file.type).toBe("file");
    expect(performance.now() - startedAt).toBeGreaterThan(1_000);
  });

  it("an upload that stalls longer than the timeout fails with TimeoutError", async () => {
    server = await startFaultServer((_req, res) => json(res, 201, fileBody(server.url)));
    // One chunk, then a source that never gives the next: the stall outlasts any timer, however late it fires.
    const stalled = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new Uint8Array(1024)), pull: () => new Promise<void>(() => undefined) });
    const error = await fastClient(server.url, { timeout: 150 }).uploadFile(stalled, { fileName: "stalled.bin" }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.scope).toBe("attempt");
  });
});

describe("saveTo leaves the target whole or untouched, and never a download running", () => {
  let folder: string;
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it("content that breaks off while saving leaves the previous file as it was and no partial file", async () => {
    folder = await mkdtemp(join(tmpdir(), "lucca-save-"));
    const target = join(folder, "a.bin");
    await writeFile(target, "previous version");
    // Every answer breaks off, the resumed ones too: the download fails for good.
    const breaking = await startStrictServer({ content, eTag: undefined, faults: [0, 1, 2].map(() => ({ afterBytes: 300_000, kind: "drop" as const })) });
    const error = await (await fastClient(breaking.url).downloadFile(linkOn(breaking.url)))
      .saveTo(target)
      .catch((e) => e)
      .finally(() => breaking.close());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(await readFile(target, "utf8")).toBe("previous version");
    expect(await readdir(folder)).toEqual(["a.bin"]);
  });

  it.each([
    ["a folder that does not exist", (dir: string) => join(dir, "missing", "a.bin"), /^path: cannot write beside '.*missing\/a\.bin' \(ENOENT\); check that its folder exists and is writable\.$/],
    ["a path that is a folder", (dir: string) => dir, /^path: '.*' is a folder; pass the path of the file to write, e\.g\. '.*\/a\.bin'\.$/],
  ])("saving to %s is refused naming the path, and the download is stopped", async (_what, pathIn, message) => {
    folder = await mkdtemp(join(tmpdir(), "lucca-save-"));
    let closed = false;
    server = await startFaultServer((_req, res) => {
      res.on("close", () => (closed = true));
      res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Disposition": 'attachment; filename="a.bin"', "Content-Length": String(content.length) });
      res.write(content.subarray(0, 1000));
    });
    const error = await (await fastClient(server.url).downloadFile(linkOn(server.url))).saveTo(pathIn(folder)).catch((e) => e);
    expect(isInvalidInputError(error)).toBe(true);
    expect(error.message).toMatch(message);
    await vi.waitFor(() => expect(closed).toBe(true), { timeout: 10_000 });
    expect(await readdir(folder)).toEqual([]);
  });
});
