import { constants } from "node:fs";
import { access, lstat, readlink, realpath, stat } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { FileDownload } from "@lucca-api/client";
import { exitCodes } from "../cli/exit-codes.ts";
import { shellWord } from "../cli/shell-word.ts";
import { UsageError } from "../cli/usage-error.ts";
import { createProgressView, type ProgressView } from "../output/progress-view.ts";
import type { Command } from "./command-context.ts";
import { checkLinkOrigin } from "./link-origin.ts";

const toStdout = "-";

/**
 * `lucca-files download <link> [-o path]`: the client streams the content, resumes it
 * after a dropped connection, and writes it atomically (a temporary file renamed at the
 * end), so Ctrl-C or a failure leaves no partial file. Without `-o`, the name comes from
 * `Content-Disposition`; `-o -` writes the content to stdout.
 */
export const download: Command = async ({ args, terminal, client, config, signal }) => {
  const [link, ...extra] = args.operands;
  if (link === undefined) throw new UsageError("download needs the file's link: lucca-files download <link> [-o path] (see lucca-files download --help).");
  if (extra.length > 0) throw new UsageError(`download takes one link; '${extra[0]}' is one too many (quote a link that holds '&').`);
  checkLinkOrigin(link, config);
  // Before anything is sent: a path that cannot be written fails at once, not after a
  // "downloading" line and the content's first bytes.
  const output = await checkWritable(args.output);
  let view: ProgressView | undefined;
  // The body reads ahead as soon as the answer comes, before the view exists: a small file
  // has arrived whole by then, so the view starts from what was already received.
  let received = 0;
  const file = await client.downloadFile(link, {
    signal,
    onProgress: ({ loaded }) => {
      received = loaded;
      view?.update(0, loaded);
    },
  });
  try {
    const target = await targetOf(args.output, output.kind === "folder", file);
    view = await createProgressView(terminal, [{ label: target === toStdout ? (file.fileName ?? "content") : basename(target), total: file.size }], {
      active: "downloading",
      done: "downloaded",
    });
    view.start(0);
    view.update(0, received);
    if (target === toStdout) {
      await copyInto(file, terminal.stdout as Writable, signal);
      view.finish(0);
      return exitCodes.ok;
    }
    // The client's saveTo writes a device into, a path atomically; -o through its links,
    // a server's name (in a folder) as it is.
    await file.saveTo(target === args.output ? output.writeTo : target);
    view.finish(0);
    view.stop();
    terminal.stdout.write(`${target}\n`);
    return exitCodes.ok;
  } catch (error) {
    // Whatever stopped us (a refused name, Ctrl-C), the connection is not left open.
    await file.body.cancel().catch(() => undefined);
    throw error;
  } finally {
    view?.stop();
  }
};

/**
 * Where the content goes: `-o` as given, else the server's file name, in the `-o` folder or
 * the current one. The client already gives that name as a bare file name
 * (`FileDownload.fileName`: the last segment of `/` and `\`, control characters as `_`,
 * none for `.`, `..` or blanks; RFC 6266 §4.3), so it cannot pick the folder. A name the
 * server chose never overwrites: it must not replace, say, `.bashrc`; a path the user
 * typed does.
 */
async function targetOf(output: string | undefined, intoFolder: boolean, file: FileDownload): Promise<string> {
  if (output === toStdout) return toStdout;
  if (output !== undefined && !intoFolder) return output;
  const named = file.fileName;
  if (named === undefined)
    throw new UsageError(output === undefined ? "the server gave no usable file name; pass -o <path>." : `the server gave no usable file name to save into '${output}'; pass -o ${join(output, "<name>")}.`);
  const target = output === undefined ? named : join(output, named);
  // lstat: a link with that name, even one that points nowhere, is a file there too.
  if (await lstat(target).catch(() => undefined)) throw new UsageError(`'${target}' already exists; pass -o ${shellWord(target)} to replace it, or -o <another path>.`);
  return target;
}

/**
 * The content streamed into stdout, left open. With the signal: Ctrl-C while the reader of
 * a pipe has stopped reading must not wait for it.
 */
async function copyInto(file: FileDownload, stdout: Writable, signal: AbortSignal): Promise<void> {
  await pipeline(Readable.fromWeb(file.body as NodeReadableStream<Uint8Array>), stdout, { end: false, signal }).catch((error: unknown) => {
    throw signal.aborted ? signal.reason : error;
  });
}

/**
 * What `-o` is: stdout, a folder to put the server's name in, a path to write atomically,
 * or a device (`/dev/null`, a terminal), written into as a shell's `>` would: the atomic
 * write's temporary file, renamed over it, would replace the device itself (run as root,
 * `-o /dev/null` turned it into a regular file for the whole machine). `writeTo` is where
 * the bytes go: `-o` through its symbolic links, which a shell's `>` writes through too
 * (the rename would replace the link by a file).
 */
interface Output {
  kind: "stdout" | "folder" | "path" | "device";
  writeTo: string;
}

/**
 * The folder the content will be written into exists and is writable (the file name may
 * still come from the server), or the device can be written. The atomic write checks
 * again when it opens its temporary file; this is for the common mistake, a folder not
 * created yet, to be said up front.
 *
 * A FIFO or a socket (`mkfifo`, a shell's `>(…)`, `/dev/stdout` in a pipe) is refused:
 * opening one for writing, and writing into one whose reader stopped reading, block in a
 * worker thread that neither Ctrl-C nor the exit can interrupt. Stdout (`-o -`) is written
 * without blocking, and stops at Ctrl-C whatever its reader does.
 */
async function checkWritable(output: string | undefined): Promise<Output> {
  if (output === toStdout) return { kind: "stdout", writeTo: toStdout };
  const target = output ?? ".";
  // `stat` follows a symbolic link with the system's checks (a loop, a sticky folder's
  // protection); a link that names nothing is not followed by hand past them.
  const statOrError = await stat(target).catch((cause: NodeJS.ErrnoException) => cause);
  if (statOrError instanceof Error) {
    if (statOrError.code !== "ENOENT" && statOrError.code !== "ENOTDIR") throw new UsageError(`-o: cannot write '${target}' (${statOrError.code ?? statOrError.message}); pass -o <a path you can write to>.`);
    if ((await lstat(target).catch(() => undefined))?.isSymbolicLink()) {
      // Where it points, as the system reads it: a relative target from the link's real folder (`..` from there).
      const pointsTo = resolve(await realpath(dirname(target)), await readlink(target));
      throw new UsageError(`-o: '${target}' is a symbolic link to '${pointsTo}', which names no file; pass -o <the path of a file>, or create it first.`);
    }
  }
  const targetStat = statOrError instanceof Error ? undefined : statOrError;
  if (targetStat?.isFIFO() || targetStat?.isSocket()) {
    const what = targetStat.isFIFO() ? "a pipe (FIFO)" : "a socket";
    throw new UsageError(`-o: '${target}' is ${what}, which a download could wait on with no way to stop it (Ctrl-C); pass -o - and redirect or pipe stdout instead: -o - > '${target}', or -o - | <reader>.`);
  }
  if (targetStat && !targetStat.isFile() && !targetStat.isDirectory()) {
    await access(target, constants.W_OK).catch((cause: NodeJS.ErrnoException) => {
      throw new UsageError(`-o: cannot write into '${target}' (${cause.code ?? cause.message}); pass -o <a path you can write to>.`);
    });
    return { kind: "device", writeTo: target };
  }
  const isFolder = targetStat?.isDirectory() ?? false;
  // A folder gets the server's name appended, which its links do not change.
  const writeTo = isFolder ? target : targetStat ? await realpath(target).catch(() => undefined) : target;
  // An open file with no name left (`/proc/self/fd/1` of a deleted file) is written into.
  if (writeTo === undefined) return { kind: "device", writeTo: target };
  // A path that ends with a separator names a folder: it must exist (else the content would go beside it, then fail to be renamed).
  const folder = isFolder || target.endsWith("/") || target.endsWith(sep) ? target : dirname(writeTo);
  // Into a folder, the target's own stat is the folder's: stat it once.
  const folderStat = isFolder ? targetStat! : await stat(folder).catch((cause: NodeJS.ErrnoException) => cause);
  if (folderStat instanceof Error) {
    const why = folderStat.code === "ENOENT" ? "does not exist" : `cannot be read (${folderStat.code ?? folderStat.message})`;
    throw new UsageError(`-o: cannot write '${target}': its folder '${folder}' ${why}; create it first, or pass -o <a path in an existing folder>.`);
  }
  if (!folderStat.isDirectory()) throw new UsageError(`-o: cannot write '${target}': '${folder}' is not a folder; pass -o <a path in a folder>.`);
  await access(folder, constants.W_OK).catch((cause: NodeJS.ErrnoException) => {
    throw new UsageError(`-o: cannot write into '${folder}' (${cause.code ?? cause.message}); pass -o <a path in a folder you can write to>.`);
  });
  return { kind: output !== undefined && isFolder ? "folder" : "path", writeTo };
}
