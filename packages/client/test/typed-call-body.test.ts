/**
 * The typed calls (`client.GET(...)`, `client.POST(...)`): openapi-fetch reads their
 * answer after the transport hands it back, so the body must carry the timeouts and the
 * caller's signal itself. A server on 127.0.0.1 sends headers and part of a body, then
 * nothing more.
 */
import type { ServerResponse } from "node:http";
import { contentDispositionHeader, contentRangeHeader, ifNoneMatchParameter } from "@lucca-api/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isAbortError, isConnectionError, isTimeoutError, unwrap } from "../src/index.ts";
import { fastClient, fileId, rawUploadOptions } from "./helpers/clients.ts";
import { fileBody, json, startFaultServer, type FaultServer } from "./helpers/fault-server.ts";

let server: FaultServer;
afterEach(() => server?.close());

/** Headers and the start of a File, then nothing more: the body stalls. */
const stallAfterHeaders = (_req: unknown, res: ServerResponse) => {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.write('{"id": "2face165",');
};

const params = { params: { path: { id: fileId }, query: { token: "file-token-1" } } };

/** What the spec says marks a file's content: it comes with `Content-Disposition`. */
const asContent = { "Content-Type": "application/octet-stream", [contentDispositionHeader]: 'attachment; filename="data.bin"' };

/** The two styles a typed call is used in: openapi-fetch's `{ data, error }` and `unwrap`, which throws. */
const styles = {
  "{ data, error }": (client: ReturnType<typeof fastClient>, signal?: AbortSignal) => client.GET("/lucca-api/files/{id}", { ...params, signal: signal ?? null }),
  unwrap: (client: ReturnType<typeof fastClient>, signal?: AbortSignal) => unwrap(client.GET("/lucca-api/files/{id}", { ...params, signal: signal ?? null })),
};

describe.each(Object.entries(styles))("a typed call's answer is covered by the timeouts and the signal until its last byte (%s)", (_style, call) => {
  it("a body that stalls after the headers fails with TimeoutError (scope 'attempt') instead of waiting forever", async () => {
    server = await startFaultServer(stallAfterHeaders);
    const error = await call(fastClient(server.url, { timeout: 200 })).catch((e) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error.scope).toBe("attempt");
    expect(error.message).toMatch(/timed out after 200 ms; raise the `timeout` option/);
  });

  it("totalTimeout also bounds a body that stalls: TimeoutError with scope 'total'", async () => {
    server = await startFaultServer(stallAfterHeaders);
    const error = await call(fastClient(server.url, { timeout: 0, totalTimeout: 200 })).catch((e) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error.scope).toBe("total");
  });

  it("the caller's signal, fired while the body is read, gives an AbortError (not openapi-fetch's DOMException)", async () => {
    server = await startFaultServer(stallAfterHeaders);
    const controller = new AbortController();
    const pending = call(fastClient(server.url, { timeout: 0 }), controller.signal).catch((e) => e);
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    setTimeout(() => controller.abort(new Error("user left")), 50);
    const error = await pending;
    expect(isAbortError(error)).toBe(true);
    expect(isTimeoutError(error)).toBe(false);
    expect(error.cause).toEqual(new Error("user left"));
  });

  it("a connection dropped in the middle of the body is a ConnectionError", async () => {
    server = await startFaultServer((req, res) => {
      stallAfterHeaders(req, res);
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await call(fastClient(server.url, { timeout: 0 })).catch((e) => e);
    expect(isConnectionError(error)).toBe(true);
    expect(isTimeoutError(error)).toBe(false);
  });

  it("a body that arrives in slow chunks, each within the timeout, is read whole: the timeout counts silence, not the whole body", async () => {
    const text = JSON.stringify(fileBody("http://127.0.0.1"));
    // 16 chunks 100 ms apart: the body takes longer than the 1.5 s timeout (timers only fire
    // late), while each silence stays far under it, even on a loaded machine.
    const chunkCount = 16;
    const boundary = (i: number) => Math.floor((i * text.length) / chunkCount);
    server = await startFaultServer(async (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      for (let i = 0; i < chunkCount; i++) {
        res.write(text.slice(boundary(i), boundary(i + 1)));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      res.end();
    });
    const result = await call(fastClient(server.url, { timeout: 1_500 }));
    expect("data" in result ? result.data : result).toMatchObject({ id: fileId });
  });
});

describe("a typed POST's answer is covered as well", () => {
  it("an upload through client.POST whose answer stalls after the headers fails with TimeoutError (scope 'attempt')", async () => {
    server = await startFaultServer(stallAfterHeaders);
    const error = await fastClient(server.url, { timeout: 200 })
      .POST("/lucca-api/files", rawUploadOptions)
      .catch((e) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error.scope).toBe("attempt");
    expect(error.message).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/lucca-api\/files/);
  });
});

describe("typed calls still read every kind of answer", () => {
  it("a normal typed GET gives the File in data, the response and no error", async () => {
    server = await startFaultServer((_req, res) => json(res, 200, fileBody(server.url)));
    const { data, error, response } = await fastClient(server.url, { timeout: 1_000 }).GET("/lucca-api/files/{id}", params);
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ id: fileId });
    expect(response.status).toBe(200);
  });

  it("an error status still lands in error as the parsed problem", async () => {
    server = await startFaultServer((_req, res) => json(res, 404, { title: "Not found", status: 404 }));
    const { data, error } = await fastClient(server.url, { timeout: 1_000 }).GET("/lucca-api/files/{id}", params);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ title: "Not found", status: 404 });
  });

  it.each(["text", "blob", "arrayBuffer"] as const)("parseAs '%s' gives the whole body", async (parseAs) => {
    server = await startFaultServer((_req, res) => json(res, 200, fileBody(server.url)));
    const { data } = await fastClient(server.url, { timeout: 1_000 }).GET("/lucca-api/files/{id}", { ...params, parseAs });
    const text = typeof data === "string" ? data : data instanceof Blob ? await data.text() : new TextDecoder().decode(data as ArrayBuffer);
    expect(JSON.parse(text).id).toBe(fileId);
  });

  it("parseAs 'stream' of a file's content gives a body whose stall also ends in TimeoutError, naming the byte it stalled at", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, asContent);
      res.write("0123456789");
    });
    const { data } = await fastClient(server.url, { timeout: 200 }).GET("/lucca-api/files/{id}", { ...params, parseAs: "stream" });
    const reader = data!.getReader();
    const readAll = async () => {
      while (!(await reader.read()).done);
    };
    const error = await readAll().catch((e) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error.message).toMatch(/ at byte 10 timed out after 200 ms/);
  });

  it("a file's content read with parseAs 'blob' comes whole", async () => {
    server = await startFaultServer((_req, res) => void res.writeHead(200, asContent).end("0123456789"));
    const { data } = await fastClient(server.url, { timeout: 1_000 }).GET("/lucca-api/files/{id}", { ...params, parseAs: "blob" });
    expect(await data!.text()).toBe("0123456789");
    expect(data!.type).toBe("application/octet-stream");
  });

  it("a file's content read with parseAs 'blob' is read through the same guard: its stall ends the call in TimeoutError, naming the byte", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, asContent);
      res.write("0123456789");
    });
    const error = await fastClient(server.url, { timeout: 200, retry: { maxRetries: 0 } })
      .GET("/lucca-api/files/{id}", { ...params, parseAs: "blob" })
      .catch((e) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error.message).toMatch(/ at byte 10 timed out after 200 ms/);
  });

  it("binary content without Content-Disposition (a server or a page that does not show it) comes byte for byte, not decoded as text", async () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 255, 254, 0, 128]);
    server = await startFaultServer((_req, res) => void res.writeHead(200, { "Content-Type": "image/png" }).end(bytes));
    const { data } = await fastClient(server.url, { timeout: 1_000 }).GET("/lucca-api/files/{id}", { ...params, parseAs: "blob" });
    expect(new Uint8Array(await data!.arrayBuffer())).toEqual(bytes);
  });

  it("a JSON answer is read whole before the call returns, so with parseAs 'stream' its stall ends the call itself in TimeoutError", async () => {
    server = await startFaultServer(stallAfterHeaders);
    const error = await fastClient(server.url, { timeout: 200, retry: { maxRetries: 0 } })
      .GET("/lucca-api/files/{id}", { ...params, parseAs: "stream" })
      .catch((e) => e);
    expect(isTimeoutError(error)).toBe(true);
  });
});

describe("a typed call's answer streams when the spec marks it as a file's content, whatever its type", () => {
  it.each([
    ["a JSON file's content (Content-Disposition, application/json)", 200, { "Content-Type": "application/json", [contentDispositionHeader]: 'attachment; filename="data.json"' }],
    ["content with Content-Disposition and no Content-Type", 200, { [contentDispositionHeader]: 'attachment; filename="data.json"' }],
    ["a part of the content (206 with Content-Range)", 206, { "Content-Type": "application/json", [contentRangeHeader]: "bytes 0-17/18" }],
  ] as const)("%s: the call returns with its first bytes, and the rest comes through the stream", async (_case, status, headers) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server = await startFaultServer(async (_req, res) => {
      res.writeHead(status, headers);
      res.write('["first",');
      await held;
      res.end('"second"]');
    });
    // The server holds the rest until the call has returned: a client that read the
    // content whole inside the call would wait for it, and time out.
    const { data, response } = await fastClient(server.url, { timeout: 2_000, retry: { maxRetries: 0 } }).GET("/lucca-api/files/{id}", { ...params, parseAs: "stream" });
    release();
    expect(response.status).toBe(status);
    expect(await new Response(data).text()).toBe('["first","second"]');
  });
});

describe("a typed GET whose JSON answer fails after its headers is sent again, like a lost one", () => {
  const text = JSON.stringify(fileBody("http://127.0.0.1"));
  it.each([
    ["breaks off", (res: ServerResponse) => setTimeout(() => res.socket?.destroy(), 20)],
    ["stalls", () => undefined],
  ] as const)("the first answer %s, the second comes whole: two requests, and the call has the second", async (_fault, fault) => {
    server = await startFaultServer((req, res, i) => {
      if (i > 0) return void res.writeHead(200, { "Content-Type": "application/json" }).end(text);
      stallAfterHeaders(req, res);
      fault(res);
    });
    const { data, error } = await fastClient(server.url, { timeout: 1_000, retry: { maxRetries: 1, baseDelay: 1 } }).GET("/lucca-api/files/{id}", params);
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ id: fileId });
    expect(server.requests).toHaveLength(2);
  });
});

describe("a middleware's onResponse can clone the answer and read the copy, as with any fetch Response", () => {
  /** Clones the answer in `onResponse` and reads the copy; openapi-fetch then reads the answer itself. */
  const cloningClient = (url: string) => {
    const client = fastClient(url, { timeout: 1_000 });
    const seen: { bodyUsed?: boolean; copy?: string } = {};
    client.use({
      async onResponse({ response }) {
        seen.bodyUsed = response.bodyUsed;
        seen.copy = await response.clone().text();
      },
    });
    return { client, seen };
  };

  it("a JSON answer: the copy and the call's data are both the File", async () => {
    server = await startFaultServer((_req, res) => json(res, 200, fileBody(server.url)));
    const { client, seen } = cloningClient(server.url);
    const { data } = await client.GET("/lucca-api/files/{id}", params);
    expect(seen.bodyUsed).toBe(false);
    expect(JSON.parse(seen.copy!)).toMatchObject({ id: fileId });
    expect(data).toMatchObject({ id: fileId });
  });

  it("a file's content: the copy and the call's stream both carry every byte", async () => {
    server = await startFaultServer((_req, res) => void res.writeHead(200, asContent).end("0123456789"));
    const { client, seen } = cloningClient(server.url);
    const { data } = await client.GET("/lucca-api/files/{id}", { ...params, parseAs: "stream" });
    expect(seen).toEqual({ bodyUsed: false, copy: "0123456789" });
    expect(await new Response(data).text()).toBe("0123456789");
  });

  it("a 304 without a body: the copy is empty", async () => {
    server = await startFaultServer((_req, res) => void res.writeHead(304).end());
    const { client, seen } = cloningClient(server.url);
    const { response } = await client.GET("/lucca-api/files/{id}", { params: { ...params.params, header: { [ifNoneMatchParameter.name]: '"v1"' } } });
    expect(response.status).toBe(304);
    expect(seen.copy).toBe("");
  });
});
