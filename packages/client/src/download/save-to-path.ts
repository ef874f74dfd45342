import { importNode, type NodeBuiltins, saveToPath as nodeOnly } from "../core/node-builtins.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { readOnce } from "./read-once.ts";

/**
 * Writes a stream to `path` atomically: into a temporary file beside it, flushed to
 * disk, then renamed over `path`. A failure removes the temporary file, so `path` is
 * either the whole content or untouched; it also cancels the download, which would
 * otherwise hold its connection open. Where a shell's `>` would write into what `path`
 * names, so does this: through a symlink (the file it names gets the content and the
 * link stays; a link that names nothing yet makes that file), and into a character or
 * block device (`/dev/null`), where a file renamed over it would replace the node itself
 * (run as root, `/dev/null` became a regular file). A FIFO or a socket is refused: its
 * open and its writes can wait on a reader forever, in a thread no signal stops. Node only.
 */
export async function saveToPath(body: ReadableStream<Uint8Array>, path: string): Promise<{ path: string; bytes: number }> {
  const reader = readOnce(body).getReader();
  const stopDownload = () => reader.cancel().catch(() => undefined);
  let fs: NodeBuiltins["node:fs/promises"];
  // Undefined for a device, written into directly.
  let temporary: string | undefined;
  // What the content replaces: `path`, or the file a symlink at `path` names; empty where it is written into.
  let target = path;
  let handle: Awaited<ReturnType<NodeBuiltins["node:fs/promises"]["open"]>>;
  try {
    const [fsModule, { dirname, basename, join, resolve }] = await Promise.all([importNode("node:fs/promises", nodeOnly), importNode("node:path", nodeOnly)]);
    fs = fsModule;
    // `stat` follows a symlink: what it says is what the link names.
    const existing = await fs.stat(path).catch(() => undefined);
    if (existing?.isDirectory()) {
      throw new InvalidInputError("path", `'${path}' is a folder; pass the path of the file to write, e.g. '${join(path, "a.bin")}'.`);
    }
    if (existing?.isFIFO() || existing?.isSocket()) {
      throw new InvalidInputError("path", `'${path}' is a FIFO or a socket, where a write can wait for a reader forever; pass the path of a file, or read the download's body yourself.`);
    }
    const cannotWrite = (cause: { code?: string }) => {
      throw new InvalidInputError("path", `cannot write ${temporary ? "beside " : ""}'${path}' (${cause.code ?? String(cause)}); check that its folder exists and is writable.`);
    };
    if (existing) {
      // A file that has no name left (a deleted one behind `/proc/self/fd/N`) has no folder to rename in: written into, like a device.
      target = existing.isFile() ? ((await fs.realpath(path).catch(() => undefined)) ?? "") : "";
    } else {
      // A symlink that names nothing yet: the file is made where it points, as a shell's `>` makes it.
      for (let hops = 0, link; hops < 40 && (link = await fs.readlink(target).catch(() => undefined)) !== undefined; hops++) target = resolve(dirname(target), link);
    }
    if (!target) handle = await fs.open(path, "w").catch(cannotWrite);
    else {
      temporary = join(dirname(target), `.${basename(target)}.${crypto.randomUUID()}.part`);
      handle = await fs.open(temporary, "wx").catch(cannotWrite);
    }
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
    // A device has nothing to flush to disk.
    if (temporary) await handle.sync();
    await handle.close();
    if (temporary) await fs.rename(temporary, target);
    return { path, bytes };
  } catch (error) {
    await stopDownload();
    await handle.close().catch(() => undefined);
    if (temporary) await fs.rm(temporary, { force: true });
    throw error;
  }
}
