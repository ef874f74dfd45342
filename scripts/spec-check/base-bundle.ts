/**
 * The spec bundled as it is at the base commit, kept between runs. The spec at a commit
 * never changes, so a second `spec:check` against the same merge base (an author's next
 * run, or the gate's end-to-end tests: four branches off one main) copies the bundle
 * instead of extracting the spec and starting Redocly (0.4 s of CPU) again.
 *
 * Kept in this install's node_modules/.cache/spec-check/, named by what the bundle is made
 * from: the git trees of spec/ and redocly.yaml at that commit, and Redocly's version.
 */
import { copyFile, mkdir, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { exec } from "./exec.ts";
import { extractSpecAt } from "./git.ts";
import { bundle } from "./redocly.ts";
import { layout, toolsRoot } from "./tools.ts";

const cacheDir = path.join(toolsRoot, "node_modules/.cache/spec-check");

/** The cache's name for the bundle of `commit`; none when the commit lacks the spec (extracting it says so). */
async function cacheName(repo: string, commit: string): Promise<string | undefined> {
  const trees = await exec("git", ["rev-parse", `${commit}:${path.dirname(layout.spec)}`, `${commit}:${layout.redoclyConfig}`], { cwd: repo });
  if (trees.code !== 0) return undefined;
  const { version } = JSON.parse(await readFile(path.join(toolsRoot, "node_modules/@redocly/cli/package.json"), "utf8"));
  return `base-${trees.stdout.trim().split("\n").join("-")}-redocly-${version}.json`;
}

/** Writes to `out` the bundle of the spec at `commit`, from the cache when a run made it before. */
export async function bundleAt(repo: string, commit: string, out: string, label: string): Promise<void> {
  const name = await cacheName(repo, commit);
  const cached = name && path.join(cacheDir, name);
  if (cached && (await copyFile(cached, out).then(() => true, () => false))) return;
  const tree = path.join(path.dirname(out), "base-tree");
  await extractSpecAt(repo, commit, tree);
  await bundle(tree, out, label);
  if (!cached) return;
  // Written under a name of its own, then renamed: a run reading at the same time sees
  // the whole bundle or none.
  await mkdir(cacheDir, { recursive: true });
  const partial = `${cached}.${process.pid}.${Date.now()}`;
  await copyFile(out, partial);
  await rename(partial, cached);
}
