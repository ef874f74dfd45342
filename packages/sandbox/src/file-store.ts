/**
 * The files on disk. Content is streamed to a temporary file, then renamed into place;
 * the metadata is renamed in last, so a file exists exactly when its metadata does and a
 * crash or a cut connection never leaves a half-written file visible.
 *
 * Layout: `<dataDir>/files/<id>.json` (metadata), `<dataDir>/files/<id>.bin` (content),
 * `<dataDir>/tmp/` (uploads in progress, each named after the process receiving it),
 * `<dataDir>/signing.key`.
 *
 * Two sandboxes may open the same data folder (`npx @lucca-api/sandbox` run twice in one
 * folder, the second on another port or failing on the same one): a start removes only
 * what a process no longer running left behind, never the uploads another one is
 * receiving.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { mkdir, open, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

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

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class FileStore {
  readonly #files: string;
  readonly #tmp: string;

  private constructor(readonly dataDir: string) {
    this.#files = join(dataDir, "files");
    this.#tmp = join(dataDir, "tmp");
  }

  /** Opens (creating) the data folder and clears what an interrupted run left behind. */
  static async open(dataDir: string): Promise<FileStore> {
    const store = new FileStore(dataDir);
    await mkdir(store.#tmp, { recursive: true });
    await mkdir(store.#files, { recursive: true });
    const inProgress = await store.#removeAbandonedTemporaries();
    await store.#removeOrphans(inProgress);
    return store;
  }

  /**
   * Removes the temporary files of processes that are gone (or from a version that did
   * not name its process), and returns the names of those of running ones.
   */
  async #removeAbandonedTemporaries(): Promise<Set<string>> {
    const inProgress = new Set<string>();
    for (const name of await readdir(this.#tmp)) {
      const owner = Number(name.split(".")[0]);
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) inProgress.add(name);
      else await rm(join(this.#tmp, name), { recursive: true, force: true });
    }
    return inProgress;
  }

  /**
   * Content renamed into place whose metadata never was: unreachable, so removed, unless
   * a running sandbox is between the two renames (its metadata waits in tmp/).
   */
  async #removeOrphans(inProgress: Set<string>): Promise<void> {
    const pendingIds = new Set([...inProgress].map((name) => name.split(".")[1]));
    const names = new Set(await readdir(this.#files));
    for (const name of names) {
      const id = name.replace(/\.bin$/, "");
      if (name.endsWith(".bin") && !names.has(`${id}.json`) && !pendingIds.has(id)) await rm(join(this.#files, name), { force: true });
    }
  }

  /** A file in tmp/, named after this process so that another sandbox starting on the same folder leaves it alone. */
  #temporary(name: string): string {
    return join(this.#tmp, `${process.pid}.${name}`);
  }

  /** The HMAC key of the tokens, made once per data folder. */
  async signingKey(): Promise<Buffer> {
    const path = join(this.dataDir, "signing.key");
    try {
      return await readFile(path);
    } catch {
      const key = randomBytes(32);
      const temporary = this.#temporary(`signing-${randomUUID()}`);
      await writeFile(temporary, key, { mode: 0o600 });
      await rename(temporary, path);
      return key;
    }
  }

  /**
   * Streams `content` to a temporary file, hashing it on the way. If the stream fails
   * (the client went away, the body was too large) the temporary file is removed.
   */
  async receive(content: Readable): Promise<PendingFile> {
    const id = randomUUID();
    const path = this.#temporary(`${id}.bin`);
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
      await rm(path, { force: true });
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
    // The metadata is written before the content moves, so that a sandbox starting
    // between the two renames sees it pending and does not take the content for an orphan.
    const metaTemporary = this.#temporary(`${file.id}.json`);
    try {
      await writeFile(metaTemporary, JSON.stringify(file));
      await rename(pending.path, content);
      await rename(metaTemporary, join(this.#files, `${file.id}.json`));
      return file;
    } catch (error) {
      await rm(content, { force: true });
      await rm(metaTemporary, { force: true });
      await this.discard(pending);
      throw error;
    }
  }

  /** Drops a received file that will not be stored. */
  async discard(pending: PendingFile): Promise<void> {
    await rm(pending.path, { force: true });
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
    return readdir(this.#tmp);
  }

  /** Ids of the stored files. */
  async ids(): Promise<string[]> {
    return (await readdir(this.#files)).filter((name) => name.endsWith(".json")).map((name) => name.slice(0, -5));
  }
}

/**
 * Whether a process runs: signal 0 checks without sending anything (EPERM: it runs, as
 * another user). A pid reused since is taken as running: its leftovers wait for a later start.
 */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
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

