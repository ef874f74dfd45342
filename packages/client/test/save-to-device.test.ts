/**
 * `download.saveTo(path)` writes atomically (a temporary file beside `path`, renamed over
 * it), and otherwise writes where a shell's `>` would: through a symlink, and into a
 * device. A file renamed over a device or a link replaces the node itself (found by the
 * outside-in audit: run as root, `lucca-files download -o /dev/null` turned the machine's
 * /dev/null into a regular file; a link to /proc/self/fd/1, which is what /dev/stdout is,
 * became a file too). A FIFO is refused: its open and its writes can wait for a reader
 * forever, in a thread that no signal stops. No test here writes to a real device.
 */
import { execFile } from "node:child_process";
import { lstat, mkdir, mkdtemp, open, readdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { isInvalidInputError, type UploadedFile } from "../src/index.ts";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let folder: string;
let uploaded: UploadedFile;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  folder = await mkdtemp(join(tmpdir(), "lucca-save-device-"));
  uploaded = await sandbox.client().uploadFile(new TextEncoder().encode("the content"), { fileName: "content.txt" });
});
afterAll(async () => {
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
});

it("saveTo() into a FIFO is refused, naming the way out, and the FIFO stays a FIFO (without a reader, it waited forever)", async () => {
  const fifo = join(folder, "pipe");
  await promisify(execFile)("mkfifo", [fifo]);
  const download = await sandbox.client().downloadFile(uploaded.file);
  const error = await download.saveTo(fifo).catch((e: unknown) => e);
  expect(isInvalidInputError(error)).toBe(true);
  expect((error as Error).message).toBe(`path: '${fifo}' is a FIFO or a socket, where a write can wait for a reader forever; pass the path of a file, or read the download's body yourself.`);
  expect((await lstat(fifo)).isFIFO()).toBe(true);
});

it("saveTo() through a symlink writes the file it names, and the link stays a link, as a shell's > does", async () => {
  const file = join(folder, "real.txt");
  const link = join(folder, "link.txt");
  await writeFile(file, "old");
  await symlink(file, link);
  const download = await sandbox.client().downloadFile(uploaded.file);
  expect(await download.saveTo(link)).toEqual({ path: link, bytes: "the content".length });
  expect((await lstat(link)).isSymbolicLink()).toBe(true);
  expect(await readlink(link)).toBe(file);
  expect(await readFile(file, "utf8")).toBe("the content");
});

it("saveTo() through a symlink that names nothing is refused, naming what it names, and nothing is made", async () => {
  const file = join(folder, "nowhere.txt");
  const link = join(folder, "dangling.txt");
  await symlink(file, link);
  const download = await sandbox.client().downloadFile(uploaded.file);
  const error = await download.saveTo(link).catch((e: unknown) => e);
  expect((error as Error).message).toBe(`path: '${link}' is a symlink to '${file}', which names no file; pass the path of a file, or create it first.`);
  expect((await lstat(link)).isSymbolicLink()).toBe(true);
  await expect(lstat(file)).rejects.toThrow(/ENOENT/);
});

it("saveTo() through a loop of symlinks is refused as the system refuses to follow it, and the links stay", async () => {
  const [a, b] = [join(folder, "loop-a"), join(folder, "loop-b")];
  await symlink(b, a);
  await symlink(a, b);
  const download = await sandbox.client().downloadFile(uploaded.file);
  const error = await download.saveTo(a).catch((e: unknown) => e);
  expect(isInvalidInputError(error)).toBe(true);
  expect((error as Error).message).toBe(`path: '${a}' cannot be written (ELOOP); pass the path of a file you can write.`);
  expect((await lstat(a)).isSymbolicLink() && (await lstat(b)).isSymbolicLink()).toBe(true);
});

it("saveTo() into an open file with no name left (deleted, behind /proc/self/fd/N) writes into it", async () => {
  const file = join(folder, "nameless.txt");
  await writeFile(file, "");
  const handle = await open(file, "r");
  try {
    await rm(file);
    const download = await sandbox.client().downloadFile(uploaded.file);
    await download.saveTo(`/proc/self/fd/${handle.fd}`);
    expect(await readFile(`/proc/self/fd/${handle.fd}`, "utf8")).toBe("the content");
  } finally {
    await handle.close();
  }
});

// A device node of its own, in the test's folder: the null device, which a regression
// would replace by a file there, never the machine's /dev/null. Making one needs root.
it.skipIf(process.getuid?.() !== 0)("saveTo() into a character device writes into it, and it stays a device", async () => {
  const device = join(folder, "null");
  await promisify(execFile)("mknod", [device, "c", "1", "3"]);
  const download = await sandbox.client().downloadFile(uploaded.file);
  expect(await download.saveTo(device)).toEqual({ path: device, bytes: "the content".length });
  expect((await lstat(device)).isCharacterDevice()).toBe(true);
});

it("a symlink's relative target is named from the link's folder, where it points", async () => {
  const link = join(folder, "sub-link");
  await symlink("not-there.bin", link);
  const download = await sandbox.client().downloadFile(uploaded.file);
  const error = await download.saveTo(link).catch((e: unknown) => e);
  expect((error as Error).message).toBe(`path: '${link}' is a symlink to '${join(folder, "not-there.bin")}', which names no file; pass the path of a file, or create it first.`);
});

it("a path that ends with a separator names a folder and is refused before anything is written (it failed at the rename, after the whole download)", async () => {
  const download = await sandbox.client().downloadFile(uploaded.file);
  const path = `${join(folder, "new-folder")}/`;
  const error = await download.saveTo(path).catch((e: unknown) => e);
  expect(isInvalidInputError(error)).toBe(true);
  expect((error as Error).message).toBe(`path: '${path}' names a folder; pass the path of the file to write, e.g. '${join(path, "a.bin")}'.`);
  expect((await readdir(folder)).filter((name) => name.includes("new-folder"))).toEqual([]);
});

it("a symlink's target is named as the system reads it, '..' from the link's real folder when that folder is itself a link", async () => {
  const real = join(folder, "real", "deep");
  await mkdir(real, { recursive: true });
  await symlink(real, join(folder, "shortcut"));
  await symlink("../missing/x.bin", join(real, "dangling"));
  const download = await sandbox.client().downloadFile(uploaded.file);
  const error = await download.saveTo(join(folder, "shortcut", "dangling")).catch((e: unknown) => e);
  expect((error as Error).message).toContain(`is a symlink to '${join(folder, "real", "missing", "x.bin")}', which names no file`);
});

it("on POSIX, a name that ends with a backslash is a file's name like any other, and is written", async () => {
  const path = join(folder, "name\\");
  const download = await sandbox.client().downloadFile(uploaded.file);
  expect(await download.saveTo(path)).toEqual({ path, bytes: "the content".length });
  expect(await readFile(path, "utf8")).toBe("the content");
});
