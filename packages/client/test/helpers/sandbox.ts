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
import { checkFetchResponse } from "@lucca-api/sandbox/contract";
import { endpoints, type OperationId } from "@lucca-api/types";
import { createLuccaFilesClient, type LuccaFilesClientOptions } from "../../src/index.ts";

export { demoClient };

export interface TestSandbox {
  url: string;
  tokenUrl: string;
  /** Every departure from the spec seen in the sandbox's answers to the clients below. */
  violations: string[];
  client(options?: Partial<LuccaFilesClientOptions>): ReturnType<typeof createLuccaFilesClient>;
  close(): Promise<void>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), "lucca-client-test-"));
  // The spec's 50 requests a minute would trip the tests that make many calls; the rate-limit test sets its own.
  const sandbox = await startSandbox({ port: 0, dataDir, rateLimitPerMinute: 100_000, ...options });
  const violations: string[] = [];
  const checks: Promise<unknown>[] = [];
  return {
    url: sandbox.url,
    tokenUrl: sandbox.tokenUrl,
    violations,
    client: (clientOptions = {}) =>
      createLuccaFilesClient({
        baseUrl: sandbox.url,
        auth: { clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl },
        retry: { baseDelay: 1, maxDelay: 5 },
        ...clientOptions,
        fetch: contractCheckingFetch(clientOptions.fetch ?? fetch, sandbox.url, violations, checks),
      }),
    close: async () => {
      await Promise.all(checks);
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
      // An answer the spec does not allow fails the test file that received it.
      if (violations.length) throw new Error(`the sandbox answered outside the spec:\n${violations.join("\n")}`);
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

/** The operation a request is for, from the spec's method and path template. */
function operationOf(method: string, url: string): OperationId | undefined {
  const { pathname } = new URL(url);
  for (const [operationId, endpoint] of Object.entries(endpoints) as [OperationId, (typeof endpoints)[OperationId]][]) {
    const pattern = new RegExp(`${endpoint.path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    if (endpoint.method === method && pattern.test(pathname)) return operationId;
  }
  return undefined;
}

/**
 * Wraps `fetch` so that every answer of the sandbox to an API operation is checked against the spec
 * with the sandbox's contract checker (on a clone: the client still reads the original).
 */
function contractCheckingFetch(inner: typeof fetch, sandboxUrl: string, violations: string[], checks: Promise<unknown>[]): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    const method = init?.method ?? request?.method ?? "GET";
    const url = request?.url ?? String(input);
    const response = await inner(input, init);
    const operationId = new URL(url).origin === new URL(sandboxUrl).origin ? operationOf(method, url) : undefined;
    if (operationId) {
      const check = checkFetchResponse(operationId, response).then(
        ({ violations: found }) => violations.push(...found.map((v) => `${method} ${new URL(url).pathname} → ${response.status}: ${v}`)),
        () => undefined, // the client gave up on the body (an abort): nothing to check
      );
      checks.push(check);
    }
    return response;
  };
}
