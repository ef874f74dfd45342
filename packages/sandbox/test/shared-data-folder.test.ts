/**
 * Two sandboxes on one data folder (`npx @lucca-api/sandbox` run twice in one folder): a
 * start removes what stopped sandboxes left behind, and never what another one is writing,
 * whatever the moment it comes in.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { FileStore, type StoredFile } from "../src/file-store.ts";
import { StepByStep } from "./support/step-by-step.ts";

const dataDirs: string[] = [];
async function newDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), "lucca-sandbox-shared-"));
  dataDirs.push(dataDir);
  return dataDir;
}
afterEach(async () => {
  await Promise.all(dataDirs.splice(0).map((dataDir) => rm(dataDir, { recursive: true, force: true })));
});

/** Everything in the data folder's files/ and tmp/, sorted. */
async function contents(dataDir: string): Promise<{ files: string[]; tmp: string[] }> {
  return { files: (await readdir(join(dataDir, "files"))).sort(), tmp: await readdir(join(dataDir, "tmp")) };
}

/** Each way of running the steps of `a` and `b` in one sequence, each keeping its own order. */
function interleavings<T>(a: readonly T[], b: readonly T[]): T[][] {
  if (a.length === 0) return [[...b]];
  if (b.length === 0) return [[...a]];
  return [...interleavings(a.slice(1), b).map((rest) => [a[0]!, ...rest]), ...interleavings(a, b.slice(1)).map((rest) => [b[0]!, ...rest])];
}

// What each does between the points where it can be held (the StoreSteps, and "received").
const startSegments = ["start lists files/", "start sweeps tmp/", "start removes orphans"];
const uploadSegments = ["upload receives", "upload writes its metadata to tmp/", "upload moves its content", "upload moves its metadata"];

/** Runs a start and an upload on one folder in the order of `schedule`; returns what went wrong, if anything. */
async function startDuringUpload(schedule: string[]): Promise<string | undefined> {
  const dataDir = await newDataDir();
  const content = Buffer.from(`uploaded while a start sweeps: ${schedule.join(", ")}`);
  const upload = new StepByStep(["received", "metadata written", "content moved"], async (hold) => {
    const pending = await uploads.receive(Readable.from([content]));
    await hold("received");
    return uploads.commit(pending, { fileName: "upload.txt", contentType: "text/plain" });
  });
  const uploads = await FileStore.open(dataDir, { onStep: upload.hold });
  const start = new StepByStep(["files listed", "tmp swept"], (hold) => FileStore.open(dataDir, { onStep: hold }));

  for (const segment of schedule) await (segment.startsWith("start") ? start : upload).next();
  // The test's own check: each ran through every point it can be held at.
  expect([start.held, upload.held]).toEqual([start.steps, upload.steps]);
  await start.result();
  let file: StoredFile;
  try {
    file = await upload.result();
  } catch (error) {
    return `the commit failed: ${(error as Error).message}`;
  }
  const left = await contents(dataDir);
  if (left.files.join() !== `${file.id}.bin,${file.id}.json` || left.tmp.length > 0) return `left ${JSON.stringify(left)}`;
  if (!(await readFile(join(dataDir, "files", `${file.id}.bin`))).equals(content)) return "the content changed";
  return undefined;
}

describe("a start on a data folder that another sandbox uses", () => {
  it("keeps an upload of this process whole and tmp/ clean, whatever the order of the start's steps and the upload's (all 35)", async () => {
    const schedules = interleavings(startSegments, uploadSegments);
    expect(schedules).toHaveLength(35);
    const failures: string[] = [];
    for (const schedule of schedules) {
      const failure = await startDuringUpload(schedule);
      if (failure) failures.push(`${schedule.join(" → ")}: ${failure}`);
    }
    expect(failures).toEqual([]);
  });

  // A container runs its sandbox as the same pid (often 1) at every start: what a crash left
  // was never removed, its pid being "running". (What another store of this very process is
  // writing stays: the test above, whose upload and start are in one process.)
  it("removes what an earlier process with its own pid left in tmp/, and the content that metadata was for", async () => {
    const dataDir = await newDataDir();
    const [committing, receiving] = [randomUUID(), randomUUID()];
    await mkdir(join(dataDir, "tmp"));
    await mkdir(join(dataDir, "files"));
    await writeFile(join(dataDir, "tmp", `${process.pid}.${committing}.json`), "{}");
    await writeFile(join(dataDir, "files", `${committing}.bin`), "content moved in before a crash");
    await writeFile(join(dataDir, "tmp", `${process.pid}.${receiving}.bin`), "half an upload");
    await FileStore.open(dataDir);
    expect(await contents(dataDir)).toEqual({ files: [], tmp: [] });
  });
});

/** The built FileStore in a process of its own, holding its upload at a step until told to go on. */
const script = new URL("./support/store-in-another-process.mjs", import.meta.url).pathname;
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

async function storeInAnotherProcess(dataDir: string, holdAt: string, content: string) {
  const child = spawn(process.execPath, [script, dataDir, holdAt, content]);
  children.push(child);
  child.stderr.setEncoding("utf8");
  let errors = "";
  child.stderr.on("data", (text: string) => (errors += text));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value } = await lines.next();
    if (value === undefined) throw new Error(`the other process ended early: ${errors}`);
    return value as string;
  };
  expect(await nextLine()).toBe(`holding at ${holdAt}`);
  return {
    pid: child.pid!,
    async goOn(): Promise<StoredFile> {
      child.stdin.end("go on\n");
      return JSON.parse(await nextLine()) as StoredFile;
    },
    async kill(): Promise<void> {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

describe("a start on a data folder that a sandbox in another process uses", () => {
  const steps = ["received", "metadata written", "content moved"];

  it.each(steps)("keeps the upload of a running one whole when it is at '%s'", async (step) => {
    const dataDir = await newDataDir();
    const other = await storeInAnotherProcess(dataDir, step, `held at ${step}`);
    expect((await contents(dataDir)).tmp.every((name) => name.startsWith(`${other.pid}.`))).toBe(true);
    await FileStore.open(dataDir);
    const file = await other.goOn();
    expect(await contents(dataDir)).toEqual({ files: [`${file.id}.bin`, `${file.id}.json`], tmp: [] });
    expect(await readFile(join(dataDir, "files", `${file.id}.bin`), "utf8")).toBe(`held at ${step}`);
  });

  it.each(steps)("removes all that one killed at '%s' left", async (step) => {
    const dataDir = await newDataDir();
    const other = await storeInAnotherProcess(dataDir, step, `killed at ${step}`);
    await other.kill();
    expect((await contents(dataDir)).tmp).not.toEqual([]);
    await FileStore.open(dataDir);
    expect(await contents(dataDir)).toEqual({ files: [], tmp: [] });
  });
});
