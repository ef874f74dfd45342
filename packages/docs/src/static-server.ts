/**
 * Serves a built reference folder on 127.0.0.1, as any static host would: files only,
 * `index.html` for a folder, the folder's `404.html` (with status 404) for anything else,
 * no rewrite, no compression. For the browser test and the benchmark.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const mediaTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".yaml": "application/yaml",
  ".svg": "image/svg+xml",
  ".js": "text/javascript",
  ".css": "text/css",
};

export interface StaticServer {
  /** The origin, e.g. `http://127.0.0.1:43123`. */
  url: string;
  close(): Promise<void>;
}

export async function serveFolder(folder: string): Promise<StaticServer> {
  const root = path.resolve(folder);
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(root, pathname.endsWith("/") ? pathname + "index.html" : pathname);
    const info = file.startsWith(root + path.sep) ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      const notFound = await readFile(path.join(root, "404.html")).catch(() => undefined);
      if (notFound) response.writeHead(404, { "content-type": mediaTypes[".html"] }).end(notFound);
      else response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, {
      "content-type": mediaTypes[path.extname(file)] ?? "application/octet-stream",
      "content-length": info.size,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
