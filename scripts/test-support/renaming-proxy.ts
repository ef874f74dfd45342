/**
 * A real HTTP server in front of another (the sandbox) that passes every request through
 * and names the content it relays `fileName` in its `Content-Disposition`: the hostile or
 * buggy server of the tests that pin where a download is saved (the CLI's `download`, the
 * docs' samples). Listens on 127.0.0.1, on a port of its own.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { contentDispositionHeader } from "@lucca-api/types";

export interface RenamingProxy {
  /** `http://127.0.0.1:<port>`: give it where the target's origin would go. */
  url: string;
  close(): Promise<void>;
}

/** Headers that describe one connection or one encoding of the body, not the answer: Node sets its own. */
const hopByHop = new Set(["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"]);

export async function startRenamingProxy(target: string, fileName: string): Promise<RenamingProxy> {
  const renamed = contentDispositionHeader.toLowerCase();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== "host" && name !== "connection")) as Record<string, string>;
    const answer = await fetch(new URL(request.url!, target), { method: request.method!, headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
    const out = Object.fromEntries([...answer.headers].filter(([name]) => !hopByHop.has(name)));
    if (answer.headers.has(renamed)) out[renamed] = `attachment; filename="${fileName}"`;
    response.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((closed, failed) => server.close((error) => (error ? failed(error) : closed()))),
  };
}
