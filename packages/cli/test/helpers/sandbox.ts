/**
 * The sandbox (`@lucca-api/sandbox`) on 127.0.0.1 with a fresh data folder, and a proxy in
 * front of it that holds or cuts a download mid-way, for the CLI's tests.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLuccaFilesClient, type LuccaFilesClient } from "@lucca-api/client";
import { demoClient, startSandbox } from "@lucca-api/sandbox";

export { demoClient };

export interface TestSandbox {
  url: string;
  tokenUrl: string;
  /** `--sandbox --host <url>`: the flags that point the CLI at this sandbox. */
  flags: string[];
  /**
   * Uploads with the client, as the demo client, and gives the file's link: the tests that
   * download or read a file set it up in-process (the upload command has its own tests).
   */
  uploadLink(...upload: Parameters<LuccaFilesClient["uploadFile"]>): Promise<string>;
  close(): Promise<void>;
}

export async function startTestSandbox(): Promise<TestSandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), "lucca-cli-test-"));
  // The spec's 50 requests a minute would trip a test file that runs many commands.
  const sandbox = await startSandbox({ port: 0, dataDir, rateLimitPerMinute: 100_000 });
  const client = createLuccaFilesClient({ baseUrl: sandbox.url, auth: { clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl } });
  return {
    url: sandbox.url,
    tokenUrl: sandbox.tokenUrl,
    flags: ["--sandbox", "--host", sandbox.url],
    uploadLink: async (...upload) => (await client.uploadFile(...upload)).file.links!.self!.href,
    close: async () => {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Forwards every request to `target`. A file's content (`disposition=attachment`) stops
 * after `afterBytes`: with `hold`, the connection stays open, as a stalled network would;
 * with `drop-once`, the first such answer is cut there and the next ones pass whole.
 */
export async function startFaultyProxy(target: string, { afterBytes, fault }: { afterBytes: number; fault: "hold" | "drop-once" }) {
  const open = new Set<IncomingMessage>();
  let dropped = false;
  const server = createServer((incoming, outgoing) => {
    const upstream = request(new URL(incoming.url ?? "/", target), { method: incoming.method, headers: { ...incoming.headers, host: new URL(target).host } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      const faulty = incoming.url?.includes("disposition=attachment") && (fault === "hold" || !dropped);
      if (!faulty) return void answer.pipe(outgoing);
      open.add(answer);
      let sent = 0;
      answer.on("data", (chunk: Buffer) => {
        const room = afterBytes - sent;
        if (room > 0) {
          outgoing.write(chunk.subarray(0, room));
          sent += Math.min(room, chunk.length);
        }
        if (sent < afterBytes) return;
        if (fault === "hold") return void answer.pause();
        dropped = true;
        answer.destroy();
        outgoing.socket?.destroy();
      });
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const answer of open) answer.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Forwards every request to `target`, adding `headers` to every answer (a deprecated Api-Version's `Deprecation` and `Sunset`). */
export async function startHeaderProxy(target: string, headers: Record<string, string>) {
  const server = createServer((incoming, outgoing) => {
    const upstream = request(new URL(incoming.url ?? "/", target), { method: incoming.method, headers: { ...incoming.headers, host: new URL(target).host } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...headers });
      answer.pipe(outgoing);
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
