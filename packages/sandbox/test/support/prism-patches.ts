/**
 * The Prism these tests run is patched (the repository's `patches/`, applied by the root
 * `postinstall` with patch-package; patches/README.md says why). A Prism without its
 * patches would let an `image/jpeg` part through and the tests would fail for a reason
 * they do not name, so they check first that each patch is in place, for the version it
 * was made for, and say what to do when it is not.
 */
import { readdir, readFile } from "node:fs/promises";

const repoRoot = new URL("../../../../", import.meta.url);
const patchesDir = new URL("patches/", repoRoot);

/** patch-package's file name, `@scope+name+1.2.3.patch`: the package and the version it was made for. */
function patchTarget(fileName: string): { name: string; version: string } {
  const match = /^(.+)\+([^+]+)\.patch$/.exec(fileName);
  if (!match || match[1]!.includes("++")) throw new Error(`patches/${fileName}: not a patch-package file name for a top-level package (@scope+name+version.patch)`);
  return { name: match[1]!.replaceAll("+", "/"), version: match[2]! };
}

/** The lines each file of a unified diff gains, by the file's path from the repository root. */
function addedLines(patch: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of patch.split("\n")) {
    if (line.startsWith("+++ b/")) files.set(line.slice("+++ b/".length), (current = []));
    else if (line.startsWith("+") && !line.startsWith("+++") && current && line.slice(1).trim()) current.push(line.slice(1));
  }
  return files;
}

/** Throws, naming the patch, the file and the fix, unless every patch in patches/ is applied to the installed version it names. */
export async function assertPatchesApplied(): Promise<void> {
  const fix = "run `npm ci` at the repository root (its postinstall applies patches/ with patch-package), or re-make the patch for the new version (patches/README.md)";
  for (const fileName of (await readdir(patchesDir)).filter((name) => name.endsWith(".patch"))) {
    const { name, version } = patchTarget(fileName);
    const installed = JSON.parse(await readFile(new URL(`node_modules/${name}/package.json`, repoRoot), "utf8")).version as string;
    if (installed !== version) throw new Error(`patches/${fileName} is for ${name} ${version}, but ${installed} is installed: ${fix}`);
    for (const [path, lines] of addedLines(await readFile(new URL(fileName, patchesDir), "utf8"))) {
      const text = await readFile(new URL(path, repoRoot), "utf8");
      const missing = lines.find((line) => !text.includes(line));
      if (missing !== undefined) throw new Error(`patches/${fileName} is not applied to ${path} (it lacks "${missing.trim()}"): ${fix}`);
    }
  }
}
