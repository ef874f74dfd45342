/**
 * What the drift check proved, kept for the generation that follows it. `npm test` runs the
 * drift check (`generate.ts --check`) and then the build, whose `generate` step would render
 * the same spec with the same generator again (about 1 CPU s, TypeScript and
 * openapi-typescript loaded for nothing) only to write the files unchanged.
 *
 * A check that passes records a digest of everything the output depends on: the bundled
 * spec, the files in the output folder, the generator's own sources, and the lockfile
 * (which pins openapi-typescript and TypeScript). A generation whose digest is the one
 * recorded skips rendering: the files on disk are what it would write. Any change to any
 * of these inputs (a spec edit, a hand-edited generated file, a new generator) changes the
 * digest, and the generation renders and writes as before.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const generatorDir = fileURLToPath(new URL("./", import.meta.url));
/** The checkout's root: the lockfile the digest reads and the record's cache are there. */
export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
/** Where the digest is kept: a cache, never committed (like turbo's and the gate's). */
export const defaultRecord = path.join(repositoryRoot, "node_modules/.cache/lucca-api-types/verified-generation");

async function filesOf(dir: string): Promise<[string, Buffer][]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  return Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name))] as [string, Buffer]));
}

/** The digest of a generation's inputs and of the files it would replace. */
export async function generationDigest(specText: string, outDir: string, lockfile = path.join(repositoryRoot, "package-lock.json")): Promise<string> {
  const hash = createHash("sha256");
  const part = (label: string, content: string | Buffer) => hash.update(`${label}\0${content.length}\0`).update(content);
  part("spec", specText);
  for (const [name, content] of await filesOf(outDir)) part(`out/${name}`, content);
  for (const [name, content] of await filesOf(generatorDir)) part(`generator/${name}`, content);
  part("lockfile", await readFile(lockfile).catch(() => Buffer.from("(no lockfile)")));
  return hash.digest("hex");
}

/** Whether a drift check that passed recorded `digest`. */
export async function wasVerified(digest: string, record = defaultRecord): Promise<boolean> {
  return (await readFile(record, "utf8").catch(() => undefined)) === digest;
}

export async function recordVerified(digest: string, record = defaultRecord): Promise<void> {
  await mkdir(path.dirname(record), { recursive: true });
  await writeFile(record, digest);
}
