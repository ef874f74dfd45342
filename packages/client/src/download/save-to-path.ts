import { importNode, type NodeBuiltins, saveToPath as nodeOnly } from "../core/node-builtins.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { readOnce } from "./read-once.ts";

/**
 * Writes a stream to `path` atomically: into a temporary file beside it, flushed to
 * disk, then renamed over `path`. A failure removes the temporary file, so `path` is
 * either the whole content or untouched; it also cancels the download, which would
 * otherwise hold its connection open. A device or a FIFO (`/dev/null`, a named pipe) is
 * written into instead: a rename would replace the node itself (as root, /dev/null
 * would become a regular file). Node only.
 */
export async function saveToPath(body: ReadableStream<Uint8Array>, path: string): Promise<{ path: string; bytes: number }> {
  const reader = readOnce(body).getReader();
  const stopDownload = () => reader.cancel().catch(() => undefined);
  let fs: NodeBuiltins["node:fs/promises"];
  /** The file written, then renamed to `path`; undefined when `path` is written into. */
  let temporary: string | undefined;
  let handle: Awaited<ReturnType<NodeBuiltins["node:fs/promises"]["open"]>>;
  try {
    const [fsModule, { dirname, basename, join }] = await Promise.all([importNode("node:fs/promises", nodeOnly), importNode("node:path", nodeOnly)]);
    fs = fsModule;
    const existing = await fs.stat(path).catch(() => undefined);
    if (existing?.isDirectory()) {
      throw new InvalidInputError("path", `'${path}' is a folder; pass the path of the file to write, e.g. '${join(path, "a.bin")}'.`);
    }
    temporary = existing === undefined || existing.isFile() ? join(dirname(path), `.${basename(path)}.${crypto.randomUUID()}.part`) : undefined;
    handle = await fs.open(temporary ?? path, temporary ? "wx" : "w").catch((cause: { code?: string }) => {
      throw new InvalidInputError("path", `cannot write ${temporary ? "beside" : "into"} '${path}' (${cause.code ?? String(cause)}); check that its folder exists and is writable.`);
    });
  } catch (error) {
    await stopDownload();
    throw error;
  }
  let bytes = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      await handle.write(value);
      bytes += value.byteLength;
    }
    // A pipe or a device cannot be flushed to disk (fsync fails with EINVAL there).
    if (temporary) await handle.sync();
    await handle.close();
    if (temporary) await fs.rename(temporary, path);
    return { path, bytes };
  } catch (error) {
    await stopDownload();
    await handle.close().catch(() => undefined);
    if (temporary) await fs.rm(temporary, { force: true });
    throw error;
  }
}
