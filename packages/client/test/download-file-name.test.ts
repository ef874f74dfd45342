/**
 * `download.fileName` is the server's `Content-Disposition` name made one file name
 * (RFC 6266, 4.3): saving under it in a folder stays in that folder, whatever the server
 * sends. A server on 127.0.0.1 answers each case's header as it is written here.
 */
import { contentDispositionHeader } from "@lucca-api/types";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fastClient, linkOn } from "./helpers/clients.ts";

let server: Server;
let baseUrl: string;
let disposition = "";
let root: string;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/octet-stream", [contentDispositionHeader]: disposition });
    response.end("content");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  root = await mkdtemp(join(tmpdir(), "lucca-file-name-"));
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe("downloadFile's fileName is safe to save under in a folder", () => {
  it.each([
    ["a parent path keeps its last segment", `attachment; filename="../escaped.jpg"`, "escaped.jpg"],
    ["an absolute path keeps its last segment", `attachment; filename="/tmp/escaped.jpg"`, "escaped.jpg"],
    ["a Windows path keeps its last segment", `attachment; filename="..\\\\escaped.jpg"`, "escaped.jpg"],
    ["separators encoded in filename* too", `attachment; filename*=UTF-8''..%2F..%2Fescaped.jpg`, "escaped.jpg"],
    ["NUL and control characters become _", `attachment; filename*=UTF-8''escaped%00.jpg%0A`, "escaped_.jpg_"],
    ["a drive or stream colon becomes _", `attachment; filename*=UTF-8''C%3Aescaped.jpg`, "C_escaped.jpg"],
  ])("%s, and saveTo under it writes inside the folder", async (_rule, header, want) => {
    disposition = header;
    const folder = join(root, want.replace(/\W/g, ""), "inside");
    await mkdir(folder, { recursive: true });
    const download = await fastClient(baseUrl).downloadFile(linkOn(baseUrl));
    expect(download.fileName).toBe(want);
    await download.saveTo(join(folder, download.fileName!));
    expect(await readdir(folder)).toEqual([want]);
    expect(await readdir(join(folder, ".."))).toEqual(["inside"]);
  });

  it.each([
    ["..", `attachment; filename=".."`],
    [".", `attachment; filename="."`],
    ["a path ending in ..", `attachment; filename*=UTF-8''x%2F..`],
    ["blanks", `attachment; filename="  "`],
  ])("%s gives no name (undefined)", async (_rule, header) => {
    disposition = header;
    const download = await fastClient(baseUrl).downloadFile(linkOn(baseUrl));
    expect(download.fileName).toBeUndefined();
    await download.body.cancel();
  });
});
