/**
 * One server under measurement, in its own process so that its peak RSS is its own:
 * `baseline` is a bare node:http server piping the body to disk and a file back;
 * `sandbox` is the real sandbox. Talks to the bench over IPC.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { startSandbox } from "../src/server.ts";

const [mode, dataDir] = process.argv.slice(2) as ["baseline" | "sandbox", string];

async function startBaseline(): Promise<string> {
  const target = join(dataDir, "baseline.bin");
  const server = createServer((request, response) => {
    if (request.method === "POST") {
      pipeline(request, createWriteStream(target)).then(
        () => response.writeHead(201).end(),
        () => response.destroy(),
      );
      return;
    }
    response.writeHead(200, { "Content-Type": "application/octet-stream" });
    createReadStream(target).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const url =
  mode === "baseline" ? await startBaseline() : (await startSandbox({ port: 0, dataDir, rateLimitPerMinute: 1_000_000 })).url;

process.on("message", (message) => {
  if (message === "stats") process.send!({ maxRssBytes: process.resourceUsage().maxRSS * 1024 });
  if (message === "exit") process.exit(0);
});
process.send!({ url });
