import { createHash, randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { boundary, filePart, multipartContentType } from "./support/multipart.ts";
import { authHeaders, startHarness, uploadPath, type Harness } from "./support/sandbox.ts";
import { eventually } from "./support/eventually.ts";
import { startSandbox } from "../src/index.ts";

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

  // `npx @lucca-api/sandbox` run twice in one folder (the second on another port, or
  // failing on the same one) opens the same data folder: it used to empty tmp/ at start,
  // under the upload the first was receiving, which then failed with a 500.
  it("a second sandbox on the same data folder leaves the first one's upload in progress alone", async () => {
    harness = await startHarness({ rateLimitPerMinute: 1000 });
    const h = harness;
    const { port } = new URL(h.sandbox.url);
    const content = randomBytes(256 * 1024);
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${filePart}"; filename="slow.bin"\r\nContent-Type: binary/octet-stream\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const headers = await authHeaders(h, { "Content-Type": multipartContentType, "Content-Length": String(head.length + content.length + tail.length), Host: `127.0.0.1:${port}`, Connection: "close" });
    const socket = connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    const answer = new Promise<string>((resolve) => {
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
      socket.once("close", () => resolve(text));
    });
    socket.write(`POST ${uploadPath} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`);
    socket.write(Buffer.concat([head, content.subarray(0, 128 * 1024)]));
    await eventually(() => readdir(join(h.dataDir, "tmp")), (names) => names.length > 0);

    const second = await startSandbox({ port: 0, dataDir: h.dataDir });
    try {
      socket.write(Buffer.concat([content.subarray(128 * 1024), tail]));
      expect((await answer).split("\r\n")[0]).toBe("HTTP/1.1 201 Created");
    } finally {
      await second.close();
    }
  });

  it("a start still removes what a stopped sandbox left in tmp/", async () => {
    harness = await startHarness();
    const h = harness;
    await h.close();
    // A pid that was alive and is no more: a sandbox that crashed mid-upload.
    const { pid: gone } = spawnSync(process.execPath, ["-e", ""]);
    await mkdir(join(h.dataDir, "tmp"), { recursive: true });
    await writeFile(join(h.dataDir, "tmp", `${gone}.3f1c2a9e-0000-4000-8000-000000000000.bin`), "half an upload");
    await writeFile(join(h.dataDir, "tmp", "3f1c2a9e-0000-4000-8000-000000000001.bin"), "from a version that named no process");
    harness = await startHarness({}, h.dataDir);
    expect(await readdir(join(h.dataDir, "tmp"))).toEqual([]);
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
