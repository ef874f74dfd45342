import { importNode, type NodeBuiltins, saveToPath as nodeOnly } from "../core/node-builtins.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { readOnce } from "./read-once.ts";

/**
 * Writes a stream to `path` atomically: into a temporary file beside it, flushed to
 * disk, then renamed over `path`. A failure removes the temporary file, so `path` is
 * either the whole content or untouched; it also cancels the download, which would
 * otherwise hold its connection open. The rename makes a new file (its permissions from
 * the umask, hard links to the old one detached). Through a symlink, the file it names is
 * replaced and the link stays; a link that names nothing, or that the system will not
 * follow (a loop, a sticky folder's protection), is refused. A character or block device
 * (`/dev/null`) is written into, as a shell's `>` would: a file renamed over it would
 * replace the node itself (run as root, `/dev/null` became a regular file). A FIFO or a
 * socket is refused: its open and its writes can wait for a reader forever, in a thread
 * no signal stops. Node only.
 */
export async function saveToPath(body: ReadableStream<Uint8Array>, path: string): Promise<{ path: string; bytes: number }> {
  const reader = readOnce(body).getReader();
  const stopDownload = () => reader.cancel().catch(() => undefined);
  let fs: NodeBuiltins["node:fs/promises"];
  // The temporary file of an atomic write, renamed to `target`; undefined where the content is written into `path`.
  let temporary: string | undefined;
  let target: string | undefined;
  let handle: Awaited<ReturnType<NodeBuiltins["node:fs/promises"]["open"]>>;
  try {
    const [fsModule, { dirname, basename, join, resolve, sep }] = await Promise.all([importNode("node:fs/promises", nodeOnly), importNode("node:path", nodeOnly)]);
    fs = fsModule;
    // A name ending with a separator names a folder, existing or not: the content would go to a file beside it, then fail to be renamed.
    if (path.endsWith("/") || path.endsWith(sep)) throw new InvalidInputError("path", `'${path}' names a folder; pass the path of the file to write, e.g. '${join(path, "a.bin")}'.`);
    // `stat` follows a symlink, with the system's own checks (a loop, a link that a sticky
    // folder forbids following): what it says is what the link names.
    const existing = await fs.stat(path).catch((cause: NodeJS.ErrnoException) => cause);
    if (existing instanceof Error) {
      if (existing.code !== "ENOENT" && existing.code !== "ENOTDIR") throw new InvalidInputError("path", `'${path}' cannot be written (${existing.code ?? existing.message}); pass the path of a file you can write.`);
      // Not followed by hand: a shell would make the file it names, past checks this code could not repeat.
      if ((await fs.lstat(path).catch(() => undefined))?.isSymbolicLink()) {
        // Where it points, as the system reads it: a relative target from the link's real folder (`..` from there).
        const pointsTo = resolve(await fs.realpath(dirname(path)), await fs.readlink(path));
        throw new InvalidInputError("path", `'${path}' is a symlink to '${pointsTo}', which names no file; pass the path of a file, or create it first.`);
      }
    } else if (existing.isDirectory()) {
      throw new InvalidInputError("path", `'${path}' is a folder; pass the path of the file to write, e.g. '${join(path, "a.bin")}'.`);
    } else if (existing.isFIFO() || existing.isSocket()) {
      throw new InvalidInputError("path", `'${path}' is a FIFO or a socket, where a write can wait for a reader forever; pass the path of a file, or read the download's body yourself.`);
    }
    // What the content replaces: `path`, or the file a symlink at `path` names. A device,
    // or a file with no name left (a deleted one behind `/proc/self/fd/N`), has no folder
    // to rename in: it is written into, and `target` is undefined.
    const cannotWrite = (cause: { code?: string }) => {
      throw new InvalidInputError("path", `cannot write ${temporary ? "beside " : ""}'${target ?? path}' (${cause.code ?? String(cause)}); check that its folder exists and is writable.`);
    };
    target = existing instanceof Error ? path : existing.isFile() && existing.nlink > 0 ? await fs.realpath(path).catch(cannotWrite) : undefined;
    if (target === undefined) handle = await fs.open(path, "w").catch(cannotWrite);
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
    if (temporary) await fs.rename(temporary, target!);
    return { path, bytes };
  } catch (error) {
    await stopDownload();
    await handle.close().catch(() => undefined);
    if (temporary) await fs.rm(temporary, { force: true });
    throw error;
  }
}
