/**
 * Serves the built API reference (`docsDir`) at `/`. Only files inside that folder, by
 * their extension's media type; anything else is left to the API's 404.
 *
 * The reference lists the spec's local-sandbox server (`http://127.0.0.1:4010`); when the
 * sandbox listens elsewhere, the pages and spec copies it serves name the address it
 * really listens on instead, so "try it" and the samples' URLs point at this sandbox.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream";
import { localSandboxServerUrl } from "@lucca-api/types";

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

/** The files that carry the spec's server list: the pages and the spec's copies. */
const carriesServerUrl = new Set([".html", ".json", ".yaml"]);

export interface ServeStaticOptions {
  /** Where the sandbox is reached: it replaces the spec's local-sandbox URL in the files that carry it. */
  origin?: string | undefined;
  /** Answer the headers only (`HEAD`). */
  headOnly?: boolean;
}

/** Answers `pathname` from `root`; false when there is no such file. */
export async function serveStatic(root: string, pathname: string, response: ServerResponse, options: ServeStaticOptions = {}): Promise<boolean> {
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
    return await sendFile(path, response, options);
  } catch {
    return false;
  }
}

/** Answers with the file at `path`; false when it is not a file. */
export async function sendFile(path: string, response: ServerResponse, { origin, headOnly = false }: ServeStaticOptions = {}): Promise<boolean> {
  const info = await stat(path);
  if (!info.isFile()) return false;
  if (origin && origin !== localSandboxServerUrl && carriesServerUrl.has(extname(path))) {
    const body = Buffer.from((await readFile(path, "utf8")).replaceAll(localSandboxServerUrl, origin));
    response.writeHead(200, { "Content-Type": mediaTypes[extname(path)]!, "Content-Length": String(body.length), "Cache-Control": "no-cache" });
    response.end(headOnly ? undefined : body);
    return true;
  }
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
}
