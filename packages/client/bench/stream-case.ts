/**
 * One streaming case, alone in its process so that its peak RSS is its own:
 * `stream-case.ts <case> <baseUrl> <file|size>`. Prints `{ ms, bytes, maxRssMb }`.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createLuccaFilesClient } from "../src/index.ts";

const [caseName, baseUrl, argument] = process.argv.slice(2) as [string, string, string];
// The bench server has no body limit; the API does (100 MB), so the client is told to allow more here.
const client = createLuccaFilesClient({ baseUrl, auth: { accessToken: "bench-token" }, timeout: 0, maxUploadBytes: Number.MAX_SAFE_INTEGER });
const link = `${baseUrl}/lucca-api/files/2face165-5345-4cf3-ab05-5421a6b19df2?token=t`;

async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

const cases: Record<string, () => Promise<number>> = {
  async "upload-raw-fetch"() {
    // The file's read stream as the body, with the read size the client uses for a path:
    // only the client's own work differs.
    const body = createReadStream(argument, { highWaterMark: 256 * 1024 });
    const init = { method: "POST", body, duplex: "half", redirect: "error", headers: { "Content-Type": "application/octet-stream", Authorization: "Bearer bench-token" } };
    const response = await fetch(`${baseUrl}/lucca-api/files`, init as unknown as RequestInit);
    await response.arrayBuffer();
    return Number(response.headers.get("X-Received"));
  },
  async "upload-client"() {
    await client.uploadFile({ path: argument });
    return (await stat(argument)).size;
  },
  async "download-raw-fetch"() {
    const response = await fetch(`${link}&disposition=attachment`, { headers: { Authorization: "Bearer bench-token" } });
    return drain(response.body!);
  },
  async "download-client"() {
    return drain((await client.downloadFile(link)).body);
  },
};

const started = performance.now();
const bytes = await cases[caseName]!();
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
