/**
 * Faults a well-behaved server does not produce on demand, through a scripted server on
 * 127.0.0.1: dropped connections, malformed JSON, 503 then success, slow answers.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { isAbortError, isConnectionError, isRateLimitError, isTimeoutError, InvalidResponseError, RateLimitError, ServerError, TimeoutError } from "../src/index.ts";
import { fastClient, linkOn, rawUploadOptions, recordingLogger } from "./helpers/clients.ts";
import { fileBody, json, problem, startFaultServer, type FaultServer } from "./helpers/fault-server.ts";

let server: FaultServer;
afterEach(() => server?.close());

describe("retries: only what is safe to repeat, with backoff and Retry-After", () => {
  it("a connection dropped before the answer is retried for a GET", async () => {
    server = await startFaultServer((_req, res, i) => (i === 0 ? void res.socket?.destroy() : json(res, 200, fileBody(server.url))));
    const result = await fastClient(server.url).getFile(linkOn(server.url));
    expect(result.modified).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it("a 503 then a success: the GET is retried and succeeds", async () => {
    server = await startFaultServer((_req, res, i) => (i === 0 ? json(res, 503, problem(503, "Down")) : json(res, 200, fileBody(server.url))));
    const result = await fastClient(server.url).getFile(linkOn(server.url));
    expect(result.modified && result.file.id).toBe(fileBody(server.url).id);
    expect(server.requests).toHaveLength(2);
  });

  it.each([408, 429, 502, 504])("a %i is retried", async (status) => {
    server = await startFaultServer((_req, res, i) => (i === 0 ? json(res, status, problem(status, "Again")) : json(res, 200, fileBody(server.url))));
    await fastClient(server.url).getFile(linkOn(server.url));
    expect(server.requests).toHaveLength(2);
  });

  it("a 500 is not retried: the request may have had an effect", async () => {
    server = await startFaultServer((_req, res) => json(res, 500, problem(500, "Boom")));
    await expect(fastClient(server.url).getFile(linkOn(server.url))).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("retries stop after maxRetries and the last answer becomes the error", async () => {
    server = await startFaultServer((_req, res) => json(res, 503, problem(503, "Down")));
    const error = await fastClient(server.url, { retry: { maxRetries: 3, baseDelay: 1, maxDelay: 2 } }).getFile(linkOn(server.url)).catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(4);
  });

  it("Retry-After in seconds decides the wait", async () => {
    const { lines, logger } = recordingLogger();
    server = await startFaultServer((_req, res, i) => (i === 0 ? json(res, 429, problem(429, "Slow down"), { "Retry-After": "1" }) : json(res, 200, fileBody(server.url))));
    await fastClient(server.url, { logger }).getFile(linkOn(server.url));
    expect(lines.some((line) => line.includes("answered 429; retrying in 1000 ms"))).toBe(true);
  });

  it("Retry-After as an HTTP date decides the wait", async () => {
    const { lines, logger } = recordingLogger();
    server = await startFaultServer((_req, res, i) =>
      i === 0 ? json(res, 503, problem(503, "Down"), { "Retry-After": new Date(Date.now() + 2_000).toUTCString() }) : json(res, 200, fileBody(server.url)),
    );
    await fastClient(server.url, { logger }).getFile(linkOn(server.url));
    const waited = Number(/answered 503; retrying in (\d+) ms/.exec(lines.join("\n"))?.[1]);
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThanOrEqual(2_000);
  });

  it("a Retry-After beyond maxRetryAfter is not waited for: RateLimitError carries retryAfter", async () => {
    server = await startFaultServer((_req, res) => json(res, 429, problem(429, "Too many requests"), { "Retry-After": "120" }));
    const error = await fastClient(server.url).getFile(linkOn(server.url)).catch((e) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect((error as RateLimitError).retryAfter).toBe(120_000);
    expect(error.message).toMatch(/^429 Too many requests\. Wait `retryAfter` ms/);
    expect(server.requests).toHaveLength(1);
  });

  it("a raw POST whose body cannot be re-sent is not retried after a dropped connection", async () => {
    server = await startFaultServer((_req, res) => void res.socket?.destroy());
    const client = fastClient(server.url);
    const error = await client
      .POST("/lucca-api/files", rawUploadOptions)
      .catch((e) => e);
    expect(isConnectionError(error)).toBe(true);
    expect(error.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/lucca-api\/files got no answer; check the base URL and the network \(.+\)\.$/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("timeouts and aborts are told apart", () => {
  // A slow answer is one that never comes: an answer due after some delay could beat the
  // client's timers on a loaded machine, where timers fire late.
  const silent = () => undefined;

  it("a slow answer hits the per-attempt timeout, and the next attempt succeeds", async () => {
    const { lines, logger } = recordingLogger();
    server = await startFaultServer((_req, res, i) => (i === 0 ? silent() : json(res, 200, fileBody(server.url))));
    // Attempts are counted from the client's log, not the server's: on a loaded machine an
    // attempt can time out before its request reaches the server, and the retries left
    // give the answer more than one chance to come within the timeout.
    const result = await fastClient(server.url, { logger, timeout: 1_000, retry: { maxRetries: 3, baseDelay: 1 } }).getFile(linkOn(server.url));
    expect(result.modified).toBe(true);
    expect(lines.some((line) => /timed out after 1000 ms; .* Retrying in \d+ ms\.$/.test(line))).toBe(true);
  });

  it("when every attempt is slow, a TimeoutError with scope 'attempt' names the option to raise", async () => {
    // A server that never answers, and the attempts counted by the client's own log: an
    // attempt may time out before its request even reaches the server on a loaded machine,
    // so the server's count depends on timing, the client's does not.
    const { lines, logger } = recordingLogger();
    server = await startFaultServer(silent);
    const error = await fastClient(server.url, { logger, timeout: 100, retry: { maxRetries: 1, baseDelay: 1 } }).getFile(linkOn(server.url)).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.scope).toBe("attempt");
    expect(error.message).toMatch(/timed out after 100 ms; raise the `timeout` option/);
    expect(lines.filter((line) => /timed out after 100 ms; .* Retrying in \d+ ms\.$/.test(line))).toHaveLength(1);
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });

  it("totalTimeout bounds the whole call: TimeoutError with scope 'total'", async () => {
    server = await startFaultServer(silent);
    const error = await fastClient(server.url, { timeout: 0, totalTimeout: 150 }).getFile(linkOn(server.url)).catch((e) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error.scope).toBe("total");
  });

  it("the caller's AbortSignal gives an AbortError, which is not a timeout", async () => {
    server = await startFaultServer(silent);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user left")), 100);
    const error = await fastClient(server.url).getFile(linkOn(server.url), { signal: controller.signal }).catch((e) => e);
    expect(isAbortError(error)).toBe(true);
    expect(isTimeoutError(error)).toBe(false);
    expect(error.cause).toEqual(new Error("user left"));
  });

  it("an already-aborted signal sends nothing", async () => {
    server = await startFaultServer((_req, res) => json(res, 200, fileBody(server.url)));
    const error = await fastClient(server.url).getFile(linkOn(server.url), { signal: AbortSignal.abort() }).catch((e) => e);
    expect(isAbortError(error)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});

describe("a helper's JSON answer is covered by the timeouts and the signal until its last byte", () => {
  /** Headers and the start of a File, then nothing more: the body stalls. */
  const stallAfterHeaders = (_req: unknown, res: import("node:http").ServerResponse) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.write('{"id": "2face165",');
  };

  it("a metadata answer that stalls mid-body hits the per-attempt timeout, and the next attempt succeeds", async () => {
    const { lines, logger } = recordingLogger();
    server = await startFaultServer((req, res, i) => (i === 0 ? stallAfterHeaders(req, res) : json(res, 200, fileBody(server.url))));
    // The stall never ends. Attempts are counted from the client's log (see above), with
    // retries to spare for an attempt that times out on a loaded machine.
    const result = await fastClient(server.url, { logger, timeout: 1_000, retry: { maxRetries: 3, baseDelay: 1 } }).getFile(linkOn(server.url));
    expect(result.modified).toBe(true);
    expect(lines.some((line) => /timed out after 1000 ms; .* Retrying in \d+ ms\.$/.test(line))).toBe(true);
  });

  it("an upload's answer that stalls mid-body fails with TimeoutError (scope 'attempt')", async () => {
    server = await startFaultServer(stallAfterHeaders);
    const error = await fastClient(server.url, { timeout: 200, retry: { maxRetries: 0 } }).uploadFile(new Blob(["x"]), { fileName: "a.txt" }).catch((e) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error.scope).toBe("attempt");
  });

  it("totalTimeout also bounds a body that stalls: TimeoutError with scope 'total'", async () => {
    server = await startFaultServer(stallAfterHeaders);
    const error = await fastClient(server.url, { timeout: 0, totalTimeout: 200 }).getFile(linkOn(server.url)).catch((e) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(error.scope).toBe("total");
  });

  it("the caller's signal, fired while the body is read, gives an AbortError (not a platform DOMException)", async () => {
    server = await startFaultServer(stallAfterHeaders);
    const controller = new AbortController();
    const call = fastClient(server.url).getFile(linkOn(server.url), { signal: controller.signal }).catch((e) => e);
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    setTimeout(() => controller.abort(new Error("user left")), 50);
    const error = await call;
    expect(isAbortError(error)).toBe(true);
    expect(error.cause).toEqual(new Error("user left"));
  });

  /** Headers and the start of a File, then the connection drops. */
  const breakAfterHeaders = (status: number) => (_req: unknown, res: import("node:http").ServerResponse) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.write('{"id": "2face165",');
    setTimeout(() => res.socket?.destroy(), 20);
  };

  it("a connection dropped in the middle of a JSON answer is a ConnectionError saying the answer broke off, not that none came", async () => {
    server = await startFaultServer(breakAfterHeaders(200));
    const error = await fastClient(server.url, { retry: { maxRetries: 0 } }).getFile(linkOn(server.url)).catch((e) => e);
    expect(isConnectionError(error)).toBe(true);
    expect(isTimeoutError(error)).toBe(false);
    expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/lucca-api\/files\/\S+ answered 200, then broke off; send the request again \(.+\)\.$/);
  });

  it("a GET whose JSON answer broke off is sent again, and the second answer is the call's", async () => {
    const { lines, logger } = recordingLogger();
    server = await startFaultServer((req, res, i) => (i > 0 ? json(res, 200, fileBody(server.url)) : breakAfterHeaders(200)(req, res)));
    const result = await fastClient(server.url, { logger }).getFile(linkOn(server.url));
    expect(result.modified).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(lines.filter((line) => / answered 200, then broke off; send the request again \(.+\)\. Retrying in \d+ ms\.$/.test(line))).toHaveLength(1);
  });

  describe("an upload the API took (2xx) is never sent again, whatever happens to its answer: that would store the file twice", () => {
    const notSentAgain = /The API took it, so it was not sent again; send it again only if a second copy does no harm\.$/;

    it("its answer breaks off after a 201: one POST, a ConnectionError saying so", async () => {
      server = await startFaultServer(breakAfterHeaders(201));
      const error = await fastClient(server.url).uploadFile(new Blob(["hello"]), { fileName: "a.txt" }).catch((e) => e);
      expect(server.requests.filter((request) => request.method === "POST")).toHaveLength(1);
      expect(isConnectionError(error)).toBe(true);
      expect(isTimeoutError(error)).toBe(false);
      expect(error.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/lucca-api\/files\?include=links answered 201, then broke off \(.+\)\. /);
      expect(error.message).toMatch(notSentAgain);
    });

    it("its answer stalls after a 201: one POST, a TimeoutError (a ConnectionError) saying so", async () => {
      server = await startFaultServer((_req, res) => {
        res.writeHead(201, { "Content-Type": "application/json" });
        res.write('{"id": "2face165",');
      });
      const error = await fastClient(server.url, { timeout: 300 }).uploadFile(new Blob(["hello"]), { fileName: "a.txt" }).catch((e) => e);
      expect(server.requests.filter((request) => request.method === "POST")).toHaveLength(1);
      expect(isTimeoutError(error) && isConnectionError(error)).toBe(true);
      expect(error.message).toMatch(/ answered 201, then timed out after 300 ms; raise the `timeout` option if the server is just slow\. /);
      expect(error.message).toMatch(notSentAgain);
    });

    it("but an upload whose 503 answer broke off was not taken: it is sent again", async () => {
      server = await startFaultServer((req, res, i) => (i > 0 ? json(res, 201, fileBody(server.url)) : breakAfterHeaders(503)(req, res)));
      const { file } = await fastClient(server.url).uploadFile(new Blob(["hello"]), { fileName: "a.txt" });
      expect(file.id).toBe(fileBody(server.url).id);
      expect(server.requests).toHaveLength(2);
    });
  });
});

describe("malformed answers become InvalidResponseError", () => {
  it("a 200 whose JSON does not parse names the status and shows the start of the body", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"id": "2face165", "type": fi');
    });
    const error = await fastClient(server.url).getFile(linkOn(server.url)).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/answered 200 \(application\/json\) "\{\\"id\\".*, not the JSON of a file object: a server or proxy fault\.$/);
    expect(error.message).toContain("token=[redacted]");
  });

  it("an upload answered with malformed JSON also fails plainly", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(201, { "Content-Type": "application/json" });
      res.end("<html>proxy error</html>");
    });
    const error = await fastClient(server.url).uploadFile(new Blob(["hi"]), { fileName: "a.txt" }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/not the JSON of the uploaded file object/);
  });
});

describe("what the answers say about the API version", () => {
  it("Deprecation and Sunset headers become a warning naming the option to change", async () => {
    const { lines, logger } = recordingLogger();
    server = await startFaultServer((_req, res) => json(res, 200, fileBody(server.url), { Deprecation: "@1735689600", Sunset: "Sat, 01 Nov 2025 00:00:00 GMT" }));
    await fastClient(server.url, { logger }).getFile(linkOn(server.url));
    expect(lines.some((line) => line.includes("this Api-Version is deprecated (@1735689600), served until Sat, 01 Nov 2025 00:00:00 GMT; move the `apiVersion` option"))).toBe(true);
  });
});
