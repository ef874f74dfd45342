/**
 * The files on disk. Content is streamed to a temporary file, then renamed into place;
 * the metadata is renamed in last, so a file exists exactly when its metadata does and a
 * crash or a cut connection never leaves a half-written file visible. Both are flushed to
 * disk before their rename, and the folder after it: after a power loss a stored file
 * comes back whole (a rename reaches the disk only once its folder is synced, and an
 * unsynced file could come back empty under its final name: `get` would then fail).
 *
 * Layout: `<dataDir>/files/<id>.json` (metadata), `<dataDir>/files/<id>.bin` (content),
 * `<dataDir>/tmp/` (files being written, each named after the process writing it:
 * temporary-files.ts), `<dataDir>/signing.key`.
 *
 * Two sandboxes may open the same data folder (`npx @lucca-api/sandbox` run twice in one
 * folder, the second on another port or failing on the same one): a start removes only
 * what a process no longer running left behind, never the uploads another one is
 * receiving or committing.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { access, mkdir, open, readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { TemporaryFolder } from "./temporary-files.ts";

/** What the sandbox keeps about a file besides its bytes. */
export interface StoredFile {
  id: string;
  fileName: string;
  contentType: string;
  createdAt: string;
  size: number;
  /** Weak entity tag derived from the content's SHA-256. */
  etag: string;
}

/** Content on disk, not yet visible as a file. */
export interface PendingFile {
  id: string;
  path: string;
  size: number;
  etag: string;
}

/**
 * The points between two steps where another sandbox on the same folder may come in: a
 * start's sweep between its two listings and before it removes anything, a commit between
 * its writes and renames.
 */
export type StoreStep = "files listed" | "tmp swept" | "metadata written" | "content moved";

export interface FileStoreOptions {
  /** Awaited at each of those points: tests hold a store there to interleave two of them. */
  onStep?: (step: StoreStep) => void | Promise<void>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class FileStore {
  readonly #files: string;
  readonly #tmp: TemporaryFolder;
  readonly #onStep: FileStoreOptions["onStep"];

  private constructor(
    readonly dataDir: string,
    options: FileStoreOptions,
  ) {
    this.#files = join(dataDir, "files");
    this.#tmp = new TemporaryFolder(join(dataDir, "tmp"));
    this.#onStep = options.onStep;
  }

  /** Opens (creating) the data folder and clears what an interrupted run left behind. */
  static async open(dataDir: string, options: FileStoreOptions = {}): Promise<FileStore> {
    const store = new FileStore(dataDir, options);
    await mkdir(store.#tmp.path, { recursive: true });
    await mkdir(store.#files, { recursive: true });
    await store.#sweep();
    return store;
  }

  /**
   * Removes what stopped sandboxes left in tmp/, and content renamed into files/ whose
   * metadata never followed (a sandbox stopped between its two renames: unreachable).
   *
   * Another sandbox may be committing meanwhile, and its content is in files/ before its
   * metadata. The invariant that keeps it: a commit writes its metadata to tmp/ before it
   * moves the content, and removes the content before that metadata when it fails; so from
   * the moment content is in files/, its metadata is in tmp/ (the commit is under way, or
   * its sandbox stopped) or in files/. Hence files/ is listed first and tmp/ second: content
   * seen in the first listing is an orphan only if its metadata was not waiting in tmp/ at
   * the second one (or its writer was gone, and the metadata was just removed) and is not
   * in files/ after it either (it may have moved in between the listings). The other order
   * misses a commit that begins and moves its content between the two listings.
   */
  async #sweep(): Promise<void> {
    const names = new Set(await readdir(this.#files));
    await this.#onStep?.("files listed");
    const beingWritten = await this.#tmp.sweep();
    await this.#onStep?.("tmp swept");
    for (const name of names) {
      if (!name.endsWith(".bin")) continue;
      const id = name.slice(0, -".bin".length);
      const metadata = `${id}.json`;
      if (names.has(metadata) || beingWritten.has(id) || (await mayExist(join(this.#files, metadata)))) continue;
      await rm(join(this.#files, name), { force: true });
    }
  }

  /** The HMAC key of the tokens, made once per data folder. */
  async signingKey(): Promise<Buffer> {
    const path = join(this.dataDir, "signing.key");
    try {
      return await readFile(path);
    } catch {
      const key = randomBytes(32);
      const temporary = this.#tmp.claim(`signing-${randomUUID()}`);
      try {
        await writeSyncedFile(temporary, key, 0o600);
        await this.#tmp.moveInto(temporary, path);
        await syncFolder(this.dataDir);
      } catch (error) {
        await this.#tmp.remove(temporary);
        throw error;
      }
      return key;
    }
  }

  /**
   * Streams `content` to a temporary file, hashing it on the way. If the stream fails
   * (the client went away, the body was too large) the temporary file is removed.
   */
  async receive(content: Readable): Promise<PendingFile> {
    const id = randomUUID();
    const path = this.#tmp.claim(`${id}.bin`);
    const hash = createHash("sha256");
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const file = createWriteStream(path, { flags: "wx" });
    try {
      await pipeline(content, measure, file);
      await syncFile(path);
    } catch (error) {
      // A write stream opens its file asynchronously: a body refused at once can fail the
      // pipeline before the file exists, and removing it then would leave the empty file
      // that the open creates a moment later. Remove it once the stream has closed.
      if (!file.closed) await new Promise<void>((resolve) => file.once("close", () => resolve()));
      await this.#tmp.remove(path);
      throw error;
    }
    return { id, path, size, etag: `W/"${hash.digest("base64url").slice(0, 27)}"` };
  }

  /** Makes a received file visible: content first, metadata last. */
  async commit(pending: PendingFile, meta: { fileName: string; contentType: string }): Promise<StoredFile> {
    const file: StoredFile = {
      id: pending.id,
      fileName: meta.fileName,
      contentType: meta.contentType,
      createdAt: new Date().toISOString(),
      size: pending.size,
      etag: pending.etag,
    };
    const content = join(this.#files, `${file.id}.bin`);
    // The metadata waits in tmp/ before the content moves, and the content goes first when
    // the commit fails: a start's sweep relies on it (#sweep).
    const metadata = this.#tmp.claim(`${file.id}.json`);
    try {
      await writeSyncedFile(metadata, JSON.stringify(file));
      await this.#onStep?.("metadata written");
      await this.#tmp.moveInto(pending.path, content);
      await this.#onStep?.("content moved");
      await this.#tmp.moveInto(metadata, join(this.#files, `${file.id}.json`));
    } catch (error) {
      await rm(content, { force: true });
      await this.#tmp.remove(metadata);
      await this.discard(pending);
      throw error;
    }
    // Once, for both renames: until then a power loss could undo them. Outside the cleanup
    // above: the file is already visible, and removing its content would break it.
    await syncFolder(this.#files);
    return file;
  }

  /** Drops a received file that will not be stored. */
  async discard(pending: PendingFile): Promise<void> {
    await this.#tmp.remove(pending.path);
  }

  /** The file's metadata, or `undefined` when no file has this id. */
  async get(id: string): Promise<StoredFile | undefined> {
    if (!uuidPattern.test(id)) return undefined;
    try {
      return JSON.parse(await readFile(join(this.#files, `${id.toLowerCase()}.json`), "utf8")) as StoredFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  /** The content, or a byte range of it (`end` inclusive). */
  read(file: StoredFile, range?: { start: number; end: number }): ReadStream {
    // Larger reads than the 64 KiB default: fewer, bigger writes to the socket.
    return createReadStream(join(this.#files, `${file.id}.bin`), { ...range, highWaterMark: 256 * 1024 });
  }

  /** Uploads in progress (for tests: a cut upload must leave none). */
  async pendingUploads(): Promise<string[]> {
    return readdir(this.#tmp.path);
  }

  /** Ids of the stored files. */
  async ids(): Promise<string[]> {
    return (await readdir(this.#files)).filter((name) => name.endsWith(".json")).map((name) => name.slice(0, -5));
  }
}

/** Whether a file may be there: a missing one is sure, anything else (no permission) is not. */
async function mayExist(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== "ENOENT",
  );
}

/** Writes a new file and flushes it to disk, before it is renamed into place. */
async function writeSyncedFile(path: string, data: string | Buffer, mode?: number): Promise<void> {
  const handle = await open(path, "wx", mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a folder's entries (the renames into it) to disk. Windows cannot: opening a
 * folder fails with EISDIR, and syncing one with EPERM; its file systems (NTFS) journal
 * the renames themselves, so there is nothing left to do there. Some file systems (FUSE
 * and network ones) answer EINVAL, which fsync(2) gives for what "does not support
 * synchronization": failing the upload there would refuse every one, so it is skipped too.
 */
async function syncFolder(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, "r");
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EPERM" && code !== "EINVAL") throw error;
  } finally {
    await handle?.close();
  }
}

/** Flushes a written file to disk before it is renamed into place. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

