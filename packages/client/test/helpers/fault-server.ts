/**
 * A scriptable HTTP server on 127.0.0.1 for the faults the sandbox cannot produce on
 * demand: dropped connections, malformed JSON, 503 then success, slow answers. Each
 * request is recorded (method, URL, headers, body size) and handed to the script with
 * its index.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  bodyBytes: number;
  body: string;
}

export type Script = (request: RecordedRequest, response: ServerResponse, index: number) => void | Promise<void>;

export interface FaultServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFaultServer(script: Script): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    let bodyBytes = 0;
    try {
      for await (const chunk of req) {
        bodyBytes += (chunk as Buffer).length;
        if (bodyBytes < 64 * 1024) chunks.push(chunk as Buffer);
      }
    } catch {
      return; // the client gave up mid-body (a timeout or an abort under test)
    }
    const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, bodyBytes, body: Buffer.concat(chunks).toString("latin1") };
    requests.push(recorded);
    try {
      await script(recorded, res, requests.length - 1);
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON with a status and optional headers. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A File body, as the spec's example, pointing at `baseUrl`. */
export function fileBody(baseUrl: string, id = "2face165-5345-4cf3-ab05-5421a6b19df2") {
  return {
    id,
    type: "file",
    url: `${baseUrl}/lucca-api/files/${id}`,
    fileName: "pic.jpg",
    contentType: "image/jpg",
    createdAt: "2024-01-15T08:30:00Z",
    links: { self: { href: `${baseUrl}/lucca-api/files/${id}?token=file-token-1` } },
  };
}

/** A problem body as the spec describes errors. */
export function problem(status: number, title: string, extra: Record<string, unknown> = {}) {
  return { title, status, traceId: "trace-123", ...extra };
}
