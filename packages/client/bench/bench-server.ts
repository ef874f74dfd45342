/**
 * The server the benchmark talks to, in its own process so that its work and memory are
 * not counted with the client's: a File JSON for GETs of metadata, a sink for uploads,
 * and a generated stream of `--size` bytes for content downloads.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const size = Number(process.argv[2] ?? 0);
const chunk = Buffer.alloc(256 * 1024, 7);
const id = "2face165-5345-4cf3-ab05-5421a6b19df2";

const server = createServer((req, res) => {
  const base = `http://${req.headers.host}`;
  const file = JSON.stringify({ id, type: "file", url: `${base}/lucca-api/files/${id}`, fileName: "big.bin", contentType: "binary/octet-stream", createdAt: "2026-11-27T12:00:00Z", links: { self: { href: `${base}/lucca-api/files/${id}?token=t` } } });
  if (req.method === "POST") {
    let received = 0;
    req.on("data", (data: Buffer) => (received += data.length));
    req.on("end", () => {
      res.writeHead(201, { "Content-Type": "application/json", ETag: 'W/"1"', "X-Received": String(received) });
      res.end(file);
    });
    return;
  }
  if (!req.url?.includes("disposition=attachment")) {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(file), ETag: 'W/"1"' });
    return void res.end(file);
  }
  res.writeHead(200, { "Content-Type": "binary/octet-stream", "Content-Length": String(size), ETag: 'W/"1"', "Content-Disposition": 'attachment; filename="big.bin"' });
  let sent = 0;
  const pump = () => {
    while (sent < size) {
      const part = size - sent >= chunk.length ? chunk : chunk.subarray(0, size - sent);
      sent += part.length;
      if (!res.write(part)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on("SIGTERM", () => process.exit(0));
