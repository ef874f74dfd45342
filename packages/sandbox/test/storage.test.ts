import { createHash, randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { boundary, filePart, multipartContentType } from "./support/multipart.ts";
import { authHeaders, startHarness, uploadPath, type Harness } from "./support/sandbox.ts";
import { eventually } from "./support/eventually.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("files are stored safely", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  // 100 requests parsing multipart and hashing 0.7 MB: CPU-bound, past 30 s once at a load
  // average of 30 on 2 cores. The bound only ends a hang.
  it("50 concurrent uploads are all stored, none mixed up", async () => {
    harness = await startHarness({ rateLimitPerMinute: 1000 });
    const h = harness;
    const contents = Array.from({ length: 50 }, (_, i) => randomBytes(10_000 + i * 997));
    const files = await Promise.all(contents.map((content, i) => h.upload(content, `file-${i}.bin`)));
    expect(new Set(files.map((file) => file.id)).size).toBe(50);
    const downloads = await Promise.all(
      files.map(async (file) =>
        h.call("retrieveFile", file.links.self.href, { headers: await authHeaders(h, { Accept: "application/octet-stream" }) }),
      ),
    );
    downloads.forEach((download, i) => {
      expect(files[i].fileName).toBe(`file-${i}.bin`);
      expect(sha256(download.body)).toBe(sha256(contents[i]!));
    });
  }, 240_000);

  it("a client that disconnects mid-upload leaves nothing behind", async () => {
    harness = await startHarness({ rateLimitPerMinute: 1000 });
    const h = harness;
    const { port } = new URL(h.sandbox.url);
    const headers = await authHeaders(h, { "Content-Type": multipartContentType, "Content-Length": String(10 * 1024 * 1024), Host: `127.0.0.1:${port}` });
    const socket = connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(`POST ${uploadPath} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`);
    socket.write(`--${boundary}\r\nContent-Disposition: form-data; name="${filePart}"; filename="cut.bin"\r\nContent-Type: binary/octet-stream\r\n\r\n`);
    socket.write(randomBytes(256 * 1024));
    const pending = () => readdir(join(h.dataDir, "tmp"));
    // The upload is under way: its temporary file exists.
    expect(await eventually(pending, (names) => names.length > 0)).toHaveLength(1);
    socket.destroy();
    expect(await eventually(pending, (names) => names.length === 0)).toEqual([]);
    expect(await readdir(join(h.dataDir, "files"))).toEqual([]);
  });

  it("a restart keeps every file, and the tokens handed out before it", async () => {
    harness = await startHarness({ rateLimitPerMinute: 1000 });
    const h = harness;
    const contents = [randomBytes(1), randomBytes(5000), randomBytes(70_000)];
    const files = [];
    for (const content of contents) files.push(await h.upload(content));
    await h.restart();
    for (const [i, file] of files.entries()) {
      const json = await h.call("retrieveFile", file.links.self.href, { headers: await authHeaders(h) });
      expect(json.json()).toEqual({ ...file, links: undefined });
      const content = await h.call("retrieveFile", file.links.self.href, { headers: await authHeaders(h, { Accept: "application/octet-stream" }) });
      expect(sha256(content.body)).toBe(sha256(contents[i]!));
    }
  });
});
