import { importNode, pathUpload as nodeOnly } from "../core/node-builtins.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import type { PreparedSource } from "./upload-source.ts";

/**
 * A file on disk: its size and name up front, and a fresh read stream for each attempt
 * (re-sendable). Node's fs stream reads faster than a file-backed Blob's stream. The path
 * is checked before any request: `openAsBlob` alone says neither that a file is missing
 * (Node 20 reports ERR_INVALID_ARG_VALUE) nor that it is a folder (the read fails later,
 * mid-request, as if the network had), nor that it is a FIFO or a device (an upload of a
 * FIFO without a writer waited forever, whatever the timeouts).
 */
export async function openPath(path: string): Promise<PreparedSource> {
  const [{ openAsBlob, createReadStream, promises }, { basename, resolve }] = await Promise.all([importNode("node:fs", nodeOnly), importNode("node:path", nodeOnly)]);
  const unreadable = (cause: unknown) => {
    const code = (cause as { code?: string }).code ?? String(cause);
    // A relative path is read from the working directory, which the caller may not expect.
    const where = resolve(path) === path ? "" : ` (${resolve(path)})`;
    if (code === "ENOENT") return new InvalidInputError("source.path", `'${path}' does not exist${where}; check the path.`);
    return new InvalidInputError("source.path", `'${path}' cannot be read (${code}); check the path and its permissions.`);
  };
  const stats = await promises.stat(path).catch((cause: unknown) => Promise.reject(unreadable(cause)));
  if (stats.isDirectory()) throw new InvalidInputError("source.path", `'${path}' is a folder, not a file; upload its files one by one, e.g. { path: '${path}/<file name>' }.`);
  // A FIFO or a device has no size to check against the limit, nor content to read again on a retry (and a FIFO without a writer would wait forever).
  if (!stats.isFile()) throw new InvalidInputError("source.path", `'${path}' is not a regular file (a FIFO or a device); upload what it gives as a stream, e.g. fs.createReadStream(path) with { fileName }.`);
  const blob = await openAsBlob(path).catch((cause: unknown) => Promise.reject(unreadable(cause)));
  const open = () => createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>;
  return { kind: "blob", blob, size: blob.size, name: basename(path), type: undefined, open };
}
