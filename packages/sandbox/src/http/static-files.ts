/**
 * Serves the built API reference (`docsDir`) at `/`. Only files inside that folder, by
 * their extension's media type; anything else is left to the API's 404.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream";

const mediaTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Answers `pathname` from `root` (headers only for `HEAD`); false when there is no such file. */
export async function serveStatic(root: string, pathname: string, response: ServerResponse, headOnly = false): Promise<boolean> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const base = resolve(root);
  let path = resolve(join(base, relative));
  if (path !== base && !path.startsWith(base + sep)) return false;
  try {
    if ((await stat(path)).isDirectory()) path = join(path, "index.html");
    const info = await stat(path);
    if (!info.isFile()) return false;
    response.writeHead(200, {
      "Content-Type": mediaTypes[extname(path)] ?? "application/octet-stream",
      "Content-Length": String(info.size),
      "Cache-Control": "no-cache",
    });
    if (headOnly) {
      response.end();
      return true;
    }
    // pipeline, not pipe: a client that leaves mid-transfer must also close the file.
    pipeline(createReadStream(path), response, () => undefined);
    return true;
  } catch {
    return false;
  }
}
