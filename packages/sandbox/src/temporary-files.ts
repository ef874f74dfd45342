/**
 * The data folder's `tmp/`: files being written, each named `<pid>.<name>` after the
 * process writing it, so that a sandbox starting on a folder another one uses can tell
 * that one's uploads in progress from what a stopped one left behind.
 */
import { readdir, rename, rm } from "node:fs/promises";
import { basename, join } from "node:path";

/**
 * The names of the temporary files this process is writing. Two sandboxes of one process
 * may open the same folder (tests do): a start must not remove what the other one is
 * writing, although its pid is this one's. Shared by every copy of this module loaded in
 * the process (a bundled copy and an installed one, say).
 */
const writtenHere: Set<string> = ((globalThis as Record<symbol, Set<string> | undefined>)[
  Symbol.for("@lucca-api/sandbox: temporary files being written")
] ??= new Set());

export class TemporaryFolder {
  constructor(readonly path: string) {}

  /** A path for a new temporary file, known as this process's until it is moved or removed. */
  claim(name: string): string {
    const fileName = `${process.pid}.${name}`;
    writtenHere.add(fileName);
    return join(this.path, fileName);
  }

  /** Renames a claimed file into place. */
  async moveInto(temporary: string, destination: string): Promise<void> {
    await rename(temporary, destination);
    writtenHere.delete(basename(temporary));
  }

  /** Removes a claimed file (if it was created at all). */
  async remove(temporary: string): Promise<void> {
    await rm(temporary, { force: true });
    writtenHere.delete(basename(temporary));
  }

  /**
   * Removes what no one will finish writing, and returns the names (`<name>` without the
   * pid and the extension: an upload's id) of what is being written.
   *
   * Removed: the files of processes that are gone, of a version that named no process,
   * and those of this very pid that this process is not writing: they are from an earlier
   * process that had the same pid (a container runs its sandbox as pid 1 at every start).
   * A pid reused since by another process is taken as running: its files wait for a later
   * start, never is a live upload removed.
   */
  async sweep(): Promise<Set<string>> {
    const beingWritten = new Set<string>();
    for (const fileName of await readdir(this.path)) {
      const [owner, name = ""] = fileName.split(".");
      const pid = Number(owner);
      const live = pid === process.pid ? writtenHere.has(fileName) : Number.isInteger(pid) && pid > 0 && isRunning(pid);
      if (live) beingWritten.add(name);
      else await rm(join(this.path, fileName), { recursive: true, force: true });
    }
    return beingWritten;
  }
}

/** Whether a process runs: signal 0 checks without sending anything (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
