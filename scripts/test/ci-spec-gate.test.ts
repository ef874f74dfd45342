/**
 * CI's spec gate (scripts/ci/spec-gate.sh, run by .ci/run) in real git clones. `npm` is a
 * stand-in on PATH that records its arguments: what `spec:check` itself does is tested
 * end to end in spec-check.e2e.test.ts; here the question is only whether CI runs it, and
 * against what.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exec, type ExecResult } from "../spec-check/exec.ts";

const gate = new URL("../ci/spec-gate.sh", import.meta.url).pathname;
let root: string;
let origin: string;
let fakeBin: string;

async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await exec("git", args, { cwd });
  if (result.code !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

async function commit(cwd: string, file: string, text: string): Promise<void> {
  await writeFile(path.join(cwd, file), text);
  await git(cwd, "add", file);
  await git(cwd, "-c", "user.email=author@example.test", "-c", "user.name=Spec Author", "commit", "-q", "-m", file);
}

/** A fresh clone of the origin (so `origin/HEAD` names its default branch, main). */
async function freshClone(name: string): Promise<string> {
  const dir = path.join(root, name);
  await git(root, "clone", "-q", origin, dir);
  return dir;
}

/** Runs the gate in `cwd`; the fake npm exits with `npmExit` and logs its arguments to npm.log. */
async function runGate(cwd: string, env: Record<string, string> = {}, npmExit = 0): Promise<ExecResult & { npmCalls: string }> {
  const result = await exec("bash", [gate], {
    cwd,
    env: { PATH: `${fakeBin}:${process.env.PATH ?? ""}`, FAKE_NPM_EXIT: String(npmExit), SPEC_CHECK_BASE: "", ...env },
  });
  const npmCalls = await readFile(path.join(cwd, "npm.log"), "utf8").catch(() => "");
  return { ...result, npmCalls: npmCalls.trim() };
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "ci-spec-gate-"));
  origin = path.join(root, "origin");
  fakeBin = path.join(root, "bin");
  await mkdir(origin);
  await mkdir(fakeBin);
  await writeFile(path.join(fakeBin, "npm"), '#!/bin/sh\necho "npm $*" >> npm.log\nexit "${FAKE_NPM_EXIT:-0}"\n');
  await chmod(path.join(fakeBin, "npm"), 0o755);
  await git(origin, "init", "-q", "-b", "main");
  await commit(origin, "spec.yaml", "a\n");
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("CI's spec gate", () => {
  it("skips with one line on a fresh clone of the default branch (HEAD is the merge base)", async () => {
    const clone = await freshClone("fresh");
    const { code, stdout, npmCalls } = await runGate(clone);
    expect(stdout.trim()).toBe("ci: spec:check skipped: HEAD is the merge base with origin/main (nothing to compare)");
    expect(npmCalls).toBe("");
    expect(code).toBe(0);
  });

  it("runs spec:check against the default branch on a branch with its own commits, writing the report to artifacts/", async () => {
    const clone = await freshClone("branch");
    await git(clone, "switch", "-q", "-c", "spec/edit");
    await commit(clone, "spec.yaml", "b\n");
    const { code, npmCalls } = await runGate(clone);
    expect(npmCalls).toBe("npm run spec:check -- --base origin/main --out artifacts/spec-check.md");
    expect(code).toBe(0);
  });

  it("fails CI when spec:check fails on a branch", async () => {
    const clone = await freshClone("failing");
    await git(clone, "switch", "-q", "-c", "spec/breaking");
    await commit(clone, "spec.yaml", "c\n");
    const { code, npmCalls } = await runGate(clone, {}, 1);
    expect(npmCalls).toContain("spec:check");
    expect(code).toBe(1);
  });

  it("skips with one line when there is no default branch to compare with", async () => {
    const lone = path.join(root, "lone");
    await mkdir(lone);
    await git(lone, "init", "-q", "-b", "main");
    await commit(lone, "spec.yaml", "a\n");
    const { code, stdout, npmCalls } = await runGate(lone);
    expect(stdout).toContain("ci: spec:check skipped: no default branch to compare with");
    expect(npmCalls).toBe("");
    expect(code).toBe(0);
  });

  it("skips with one line when the base shares no history with HEAD", async () => {
    const clone = await freshClone("unrelated");
    await git(clone, "switch", "-q", "--orphan", "elsewhere");
    await commit(clone, "other.yaml", "x\n");
    const elsewhere = await git(clone, "rev-parse", "HEAD");
    await git(clone, "switch", "-q", "main");
    const { code, stdout, npmCalls } = await runGate(clone, { SPEC_CHECK_BASE: elsewhere });
    expect(stdout).toContain("ci: spec:check skipped: no merge base of HEAD and");
    expect(npmCalls).toBe("");
    expect(code).toBe(0);
  });

  it("fails, naming the variable and its value, when SPEC_CHECK_BASE names no commit (a skip would pass every change)", async () => {
    const clone = await freshClone("misconfigured");
    await git(clone, "switch", "-q", "-c", "spec/edit");
    await commit(clone, "spec.yaml", "d\n");
    const { code, stderr, npmCalls } = await runGate(clone, { SPEC_CHECK_BASE: "origin/mian" });
    expect(stderr).toContain("SPEC_CHECK_BASE='origin/mian' names no commit");
    expect(npmCalls).toBe("");
    expect(code).toBe(1);
  });
});
