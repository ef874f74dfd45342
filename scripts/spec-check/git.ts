/** The git side of the gate: which commit to compare with, and the spec as it was there. */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { exec } from "./exec.ts";
import { SpecCheckError } from "./errors.ts";
import { layout } from "./tools.ts";

export interface BaseRevision {
  /** What the author passed as `--base`. */
  ref: string;
  /** The commit `--base` names. */
  commit: string;
  /** Where the working tree's history left the base: the spec is compared with this commit. */
  mergeBase: string;
}

async function git(repo: string, args: string[]): Promise<string> {
  const result = await exec("git", args, { cwd: repo });
  if (result.code !== 0) throw new SpecCheckError(`git ${args.join(" ")} failed in ${repo}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

export async function repositoryRoot(cwd: string): Promise<string> {
  const result = await exec("git", ["rev-parse", "--show-toplevel"], { cwd });
  if (result.code !== 0) throw new SpecCheckError(`${cwd} is not inside a git repository: spec:check compares the working tree with a commit of its history.`);
  return result.stdout.trim();
}

/**
 * Compares with the merge base rather than the tip of `--base`, as a pull request does:
 * what changed on the default branch since the branch was cut is not this change's doing.
 */
export async function resolveBase(repo: string, ref: string): Promise<BaseRevision> {
  const found = await exec("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: repo });
  if (found.code !== 0)
    throw new SpecCheckError(
      `--base '${ref}' names no commit in ${repo}. Pass a branch, tag or commit that \`git rev-parse\` knows ` +
        `(for a pull request: the default branch, e.g. --base main or --base origin/main).`,
    );
  const commit = found.stdout.trim();
  const mergeBase = await exec("git", ["merge-base", commit, "HEAD"], { cwd: repo });
  if (mergeBase.code !== 0)
    throw new SpecCheckError(`--base '${ref}' shares no history with HEAD in ${repo}: there is no merge base to compare the spec with.`);
  return { ref, commit, mergeBase: mergeBase.stdout.trim() };
}

/** Writes `spec/` and `redocly.yaml` as they are at `commit` into `dir` (nothing leaves the machine). */
export async function extractSpecAt(repo: string, commit: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const archive = path.join(dir, "spec.tar");
  const wanted = [path.dirname(layout.spec), layout.redoclyConfig];
  const listed = await git(repo, ["ls-tree", "--name-only", commit, "--", ...wanted]);
  const missing = wanted.filter((entry) => !listed.split("\n").includes(entry));
  if (missing.length > 0) throw new SpecCheckError(`the base commit ${commit.slice(0, 12)} has no ${missing.join(" or ")}: nothing to compare the spec with.`);
  await git(repo, ["archive", "--format=tar", "-o", archive, commit, "--", ...wanted]);
  const untar = await exec("tar", ["-xf", archive, "-C", dir], { cwd: dir });
  if (untar.code !== 0) throw new SpecCheckError(`cannot unpack the base spec into ${dir}: ${untar.stderr.trim()}`);
}

/** The files under `dir` at `commit` (paths relative to the repository). */
export async function filesAt(repo: string, commit: string, dir: string): Promise<string[]> {
  const listed = await git(repo, ["ls-tree", "-r", "--name-only", commit, "--", dir]);
  return listed === "" ? [] : listed.split("\n");
}
