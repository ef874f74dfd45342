/**
 * A file server on 127.0.0.1 that follows RFC 9110 to the letter where resuming a
 * download depends on it: `If-Match` uses the strong comparison (13.1.1, so a weak tag
 * never matches), `If-None-Match` the weak one (13.1.2), `If-Range` only a strong
 * validator (13.1.5), then `Range` (14.2) answered 206 with `Content-Range`, or 416.
 * Faults on demand: the first answers can be cut off or stall after some bytes, and so
 * can every answer after them (a fault that does not depend on how many requests came).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How an answer ends early: after that many bytes, cut off or silent. */
export interface Fault {
  afterBytes: number;
  kind: "drop" | "stall";
}

export interface StrictServerOptions {
  content: Uint8Array;
  /** The representation's entity tag as sent, e.g. `"v1"` or `W/"v1"`; none when undefined. */
  eTag: string | undefined;
  /** How the answers to the first `faults.length` requests end: after that many bytes, cut or silent. */
  faults?: Fault[];
  /** How every answer after those ends: a server that keeps failing however often the client asks. */
  thenEvery?: Fault;
}

export interface StrictServer {
  url: string;
  requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** RFC 9110, 8.8.3: `W/"x"` → { weak, opaque: "x" }. */
function parseEntityTag(text: string): { weak: boolean; opaque: string } | undefined {
  const match = /^\s*(W\/)?"([^"]*)"\s*$/.exec(text);
  return match ? { weak: match[1] !== undefined, opaque: match[2]! } : undefined;
}

function strongMatch(a: string, b: string): boolean {
  const [x, y] = [parseEntityTag(a), parseEntityTag(b)];
  return !!x && !!y && !x.weak && !y.weak && x.opaque === y.opaque;
}

function weakMatch(a: string, b: string): boolean {
  const [x, y] = [parseEntityTag(a), parseEntityTag(b)];
  return !!x && !!y && x.opaque === y.opaque;
}

const tagsOf = (header: string) => header.split(/,(?=\s*(?:W\/)?")/).map((tag) => tag.trim());

export async function startStrictServer({ content, eTag, faults = [], thenEvery }: StrictServerOptions): Promise<StrictServer> {
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    requests.push(request.headers);
    const fault = faults[requests.length - 1] ?? thenEvery;
    const validator = eTag === undefined ? {} : { ETag: eTag };
    const ifMatch = request.headers["if-match"];
    // 13.2.2 step 1: If-Match, strong comparison.
    if (ifMatch !== undefined && !(ifMatch.trim() === "*" || (eTag !== undefined && tagsOf(ifMatch).some((tag) => strongMatch(tag, eTag))))) {
      return end(response, 412, validator);
    }
    // Step 3: If-None-Match, weak comparison.
    const ifNoneMatch = request.headers["if-none-match"];
    if (ifNoneMatch !== undefined && eTag !== undefined && (ifNoneMatch.trim() === "*" || tagsOf(ifNoneMatch).some((tag) => weakMatch(tag, eTag)))) {
      return end(response, 304, validator);
    }
    // Step 5: Range, unless If-Range names another (or a weak) validator.
    const ifRange = request.headers["if-range"] as string | undefined;
    const rangeApplies = ifRange === undefined || (eTag !== undefined && strongMatch(ifRange, eTag));
    const range = rangeApplies ? /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? "") : null;
    const headers = { "Content-Type": "application/octet-stream", "Accept-Ranges": "bytes", ...validator };
    if (range) {
      const start = Number(range[1]);
      const last = Math.min(range[2] ? Number(range[2]) : content.length - 1, content.length - 1);
      if (start >= content.length || last < start) return end(response, 416, { ...headers, "Content-Range": `bytes */${content.length}` });
      response.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${last}/${content.length}`, "Content-Length": String(last - start + 1) });
      return send(response, content.subarray(start, last + 1), fault);
    }
    response.writeHead(200, { ...headers, "Content-Length": String(content.length) });
    send(response, content, fault);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function end(response: ServerResponse, status: number, headers: Record<string, string>): void {
  response.writeHead(status, headers);
  response.end();
}

function send(response: ServerResponse, bytes: Uint8Array, fault: Fault | undefined): void {
  if (!fault || fault.afterBytes >= bytes.length) return void response.end(bytes);
  // Flushed, then cut (the client sees the connection drop) or left silent (a stall).
  response.write(bytes.subarray(0, fault.afterBytes), () => fault.kind === "drop" && setTimeout(() => response.socket?.destroy(), 20));
}
