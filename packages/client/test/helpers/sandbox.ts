/**
 * The sandbox (`@lucca-api/sandbox`) on 127.0.0.1, with a fresh data folder, for the
 * tests that need the real API behaviour; and a counting proxy for its token endpoint.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoClient, startSandbox, type SandboxOptions } from "@lucca-api/sandbox";
import { createLuccaFilesClient, type LuccaFilesClientOptions } from "../../src/index.ts";

export { demoClient };

export interface TestSandbox {
  url: string;
  tokenUrl: string;
  client(options?: Partial<LuccaFilesClientOptions>): ReturnType<typeof createLuccaFilesClient>;
  close(): Promise<void>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), "lucca-client-test-"));
  // The spec's 50 requests a minute would trip the tests that make many calls; the rate-limit test sets its own.
  const sandbox = await startSandbox({ port: 0, dataDir, rateLimitPerMinute: 100_000, ...options });
  return {
    url: sandbox.url,
    tokenUrl: sandbox.tokenUrl,
    client: (clientOptions = {}) =>
      createLuccaFilesClient({
        baseUrl: sandbox.url,
        auth: { clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl },
        retry: { baseDelay: 1, maxDelay: 5 },
        ...clientOptions,
      }),
    close: async () => {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Forwards token requests to `target` and counts them: how many tokens the client asked for. */
export async function startCountingTokenProxy(target: string) {
  let count = 0;
  const server = createServer(async (req, res) => {
    count++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(target, { method: "POST", headers: { "Content-Type": req.headers["content-type"] ?? "" }, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { "Content-Type": answer.headers.get("Content-Type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/connect/token`,
    get count() {
      return count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A `fetch` that records each request's method and URL before sending it for real. */
export function recordingFetch() {
  const calls: { method: string; url: string; headers: Headers }[] = [];
  const fetchFunction = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    calls.push({ method: init?.method ?? request?.method ?? "GET", url: request?.url ?? String(input), headers: new Headers(init?.headers ?? request?.headers) });
    return fetch(input, init);
  };
  return { calls, fetch: fetchFunction as typeof fetch };
}
