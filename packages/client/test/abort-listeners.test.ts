/**
 * A caller may pass one long-lived signal to every call (a page's, a job's): each call
 * watches it while it runs, and must stop watching once done, or the listeners pile up on
 * the signal (and Node warns of a leak past ten). Against a server on 127.0.0.1.
 */
import { getEventListeners } from "node:events";
import { contentDispositionHeader, fileIdParameter, retrieveFileRoute } from "@lucca-api/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isAbortError } from "../src/index.ts";
import { fastClient, fileId, linkOn } from "./helpers/clients.ts";
import { fileBody, json, startFaultServer, type FaultServer } from "./helpers/fault-server.ts";

let server: FaultServer;
afterEach(() => server?.close());

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;
const content = "0123456789".repeat(1_000);

describe("a call leaves no listener on the caller's signal once it is done", () => {
  it("30 getFile calls with one signal: none left", async () => {
    server = await startFaultServer((_req, res) => json(res, 200, fileBody(server.url)));
    const client = fastClient(server.url);
    const { signal } = new AbortController();
    for (let i = 0; i < 30; i++) await client.getFile(linkOn(server.url), { signal });
    expect(abortListeners(signal)).toBe(0);
  });

  it("30 uploads with one signal: none left", async () => {
    server = await startFaultServer((_req, res) => json(res, 201, fileBody(server.url)));
    const client = fastClient(server.url);
    const { signal } = new AbortController();
    for (let i = 0; i < 30; i++) await client.uploadFile(new Blob(["x"]), { fileName: "x.txt", signal });
    expect(abortListeners(signal)).toBe(0);
  });

  it.each([
    ["read to its end", (download: { body: ReadableStream<Uint8Array> }) => new Response(download.body).text()],
    ["cancelled midway", (download: { body: ReadableStream<Uint8Array> }) => download.body.cancel()],
  ])("a download %s: none left, and no other request", async (_how, finish) => {
    server = await startFaultServer((_req, res) => void res.writeHead(200, { "Content-Type": "text/plain", [contentDispositionHeader]: "attachment" }).end(content));
    const { signal } = new AbortController();
    const client = fastClient(server.url);
    const download = await client.downloadFile(linkOn(server.url), { signal });
    await finish(download);
    expect(abortListeners(signal)).toBe(0);
    // A cancelled read is no break to resume from with a Range; this request comes after any such one.
    await (await fetch(`${server.url}/after`)).text();
    expect(server.requests.map((request) => [request.url.split("?")[0], request.headers.range])).toEqual([
      [retrieveFileRoute.path.replace(`{${fileIdParameter.name}}`, fileId), undefined],
      ["/after", undefined],
    ]);
  });
});

describe("a streamed body's guard watches the caller's signal itself", () => {
  it("a download whose signal fires while its content stalls ends in AbortError, not in the silence's TimeoutError", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain", [contentDispositionHeader]: "attachment" });
      res.write("first bytes");
    });
    const controller = new AbortController();
    const download = await fastClient(server.url, { timeout: 5_000 }).downloadFile(linkOn(server.url), { signal: controller.signal });
    const reader = download.body.getReader();
    await reader.read();
    const pending = reader.read().catch((e) => e);
    await vi.waitFor(() => expect(abortListeners(controller.signal)).toBe(1));
    controller.abort(new Error("user left"));
    const error = await pending;
    expect(isAbortError(error)).toBe(true);
    expect(error.cause).toEqual(new Error("user left"));
    expect(abortListeners(controller.signal)).toBe(0);
  });
});
