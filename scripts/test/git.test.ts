import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecCheckError } from "../spec-check/errors.ts";
import { exec } from "../spec-check/exec.ts";
import { extractSpecAt, filesAt, resolveBase } from "../spec-check/git.ts";

let root: string;
let repo: string;
const commits: Record<string, string> = {};

async function git(...args: string[]): Promise<string> {
  const result = await exec("git", args, { cwd: repo });
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
}

async function commitSpec(text: string, message: string): Promise<string> {
  await writeFile(path.join(repo, "spec/openapi.yaml"), text);
  await git("commit", "-q", "-am", message);
  return git("rev-parse", "HEAD");
}

// main: A (spec "a") -> C (spec "c"); branch off A: B (spec "b").
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "git-test-"));
  repo = path.join(root, "repo");
  await mkdir(path.join(repo, "spec"), { recursive: true });
  await writeFile(path.join(repo, "redocly.yaml"), "telemetry: off\n");
  await writeFile(path.join(repo, "spec/openapi.yaml"), "a\n");
  await git("init", "-q", "-b", "main");
  await git("config", "user.email", "author@example.test");
  await git("config", "user.name", "Spec Author");
  await git("add", ".");
  await git("commit", "-q", "-m", "A");
  commits.A = await git("rev-parse", "HEAD");
  await git("checkout", "-q", "-b", "branch");
  commits.B = await commitSpec("b\n", "B");
  await git("checkout", "-q", "main");
  commits.C = await commitSpec("c\n", "C");
  await git("checkout", "-q", "branch");
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("the base of the comparison", () => {
  it("is the merge base with --base, not its tip: what main gained since is not the branch's change", async () => {
    expect(await resolveBase(repo, "main")).toEqual({ ref: "main", commit: commits.C, mergeBase: commits.A });
  });

  it("is refused when --base names no commit, naming the ref and the fix", async () => {
    await expect(resolveBase(repo, "mian")).rejects.toThrow(SpecCheckError);
    await expect(resolveBase(repo, "mian")).rejects.toThrow(/--base 'mian' names no commit in .*Pass a branch, tag or commit/);
  });
});

describe("the spec at a commit", () => {
  it("is written to a folder with the redocly.yaml of that commit", async () => {
    const dir = path.join(root, "at-A");
    await extractSpecAt(repo, commits.A!, dir);
    expect(await readFile(path.join(dir, "spec/openapi.yaml"), "utf8")).toBe("a\n");
    expect(await readFile(path.join(dir, "redocly.yaml"), "utf8")).toBe("telemetry: off\n");
  });

  it("lists the files of a folder at that commit", async () => {
    expect(await filesAt(repo, commits.A!, "spec/")).toEqual(["spec/openapi.yaml"]);
    expect(await filesAt(repo, commits.A!, ".changeset/")).toEqual([]);
  });
});
