/**
 * The gate end to end, as an author meets it: a throwaway git repository holding a copy of
 * this repository's spec and generated types, a branch with one edit, and
 * `spec:check --base main` run in it: the command itself for a failing and a passing case,
 * the same checks and report in this process for the other two.
 *
 * Each case checks out its branch in its own git worktree of that one repository, so the
 * cases run two at a time (vitest.config.ts) instead of one after the other, and
 * the two cases that start from the same edit share its commit instead of regenerating it.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { exec, type ExecResult } from "../spec-check/exec.ts";
import { specCheck } from "../spec-check/check.ts";
import { renderBundle, writeTypes } from "../spec-check/generated-types.ts";
import { renderReport } from "../spec-check/report.ts";
import { layout, redocly, toolsRoot, tsx } from "../spec-check/tools.ts";

/** Cases run two at a time, so each one's clock also counts the other's work. */
const E2E_TIMEOUT = 300_000;
const cli = path.join(toolsRoot, "scripts/spec-check/cli.ts");
/** Where the worktrees live; `main` holds the spec as it is. */
let root: string;
let main: string;

async function run(cwd: string, command: string, args: string[]): Promise<ExecResult> {
  const result = await exec(command, args, { cwd });
  if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  return result;
}

/** `git worktree add`s one at a time: they all write to the main repository's .git. */
let worktreesAdded: Promise<unknown> = Promise.resolve();

/** A worktree of its own on a new `branch` cut from `from`: what `git switch -c` is for an author. */
function checkout(branch: string, from = "main"): Promise<string> {
  const dir = path.join(root, branch);
  const added = worktreesAdded.then(() => run(main, "git", ["worktree", "add", "-q", "-b", branch, dir, from]));
  worktreesAdded = added.catch(() => undefined);
  return added.then(() => dir);
}

/**
 * What `npm run generate` does for the author: bundle the spec, regenerate the committed
 * types. The generator's own rendering runs in this process (the gate renders with it too):
 * starting it under tsx cost about 2 s of CPU a branch.
 */
async function regenerate(repo: string): Promise<void> {
  const bundlePath = path.join(repo, "bundle.json");
  await run(repo, redocly, ["bundle", "--config", "redocly.yaml", "spec/openapi.yaml", "-o", bundlePath]);
  await writeTypes(await renderBundle(bundlePath, repo), path.join(repo, layout.generated));
  await rm(bundlePath);
}

async function edit(repo: string, file: string, from: string, to: string): Promise<void> {
  const text = await readFile(path.join(repo, file), "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  await writeFile(path.join(repo, file), text.replace(from, to));
}

/** `npm run spec:check -- --base main --out <file>` in the branch's worktree, as the author runs it. */
async function specCheckCommand(repo: string): Promise<ExecResult & { report: string }> {
  const out = `${repo}.report.md`;
  const result = await exec(tsx.command, [...tsx.args, cli, "--base", "main", "--out", out], { cwd: repo });
  return { ...result, report: await readFile(out, "utf8").catch(() => "") };
}

/**
 * The same checks and report, run in this process: the cases whose command line the two
 * above already cover skip starting tsx and loading the checks again (about 2 s of CPU).
 */
async function specCheckInProcess(repo: string): Promise<{ ok: boolean; report: string }> {
  const result = await specCheck({ cwd: repo, base: "main" });
  return { ok: result.ok, report: renderReport(result) };
}

/**
 * A branch off main where image/png is gone from the content types, types regenerated, as an
 * author would commit it. Made once: two cases start from it.
 */
let withoutPng: Promise<string> | undefined;
function branchWithoutPng(): Promise<string> {
  withoutPng ??= (async () => {
    const repo = await checkout("drop-png");
    await edit(repo, "spec/components/schemas/FileContentType.yaml", "  - image/png\n", "");
    await regenerate(repo);
    await run(repo, "git", ["commit", "-q", "-am", "drop image/png"]);
    return repo;
  })();
  return withoutPng;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "spec-check-e2e-"));
  main = path.join(root, "main");
  await mkdir(path.join(main, "packages/types/src"), { recursive: true });
  // The committed generated types are what the spec generates (`npm test` checks the drift
  // first), so main needs no regeneration of its own.
  for (const part of ["spec/openapi.yaml", "spec/paths", "spec/components", "spec/lint", "redocly.yaml", ".changeset/config.json", "packages/types/src/generated"])
    await cp(path.join(toolsRoot, part), path.join(main, part), { recursive: true });
  await run(main, "git", ["init", "-q", "-b", "main"]);
  await run(main, "git", ["config", "user.email", "author@example.test"]);
  await run(main, "git", ["config", "user.name", "Spec Author"]);
  await run(main, "git", ["add", "."]);
  await run(main, "git", ["commit", "-q", "-m", "the spec as it is"]);
}, E2E_TIMEOUT);

afterAll(() => rm(root, { recursive: true, force: true }));

describe.concurrent("spec:check --base main on a branch", () => {
  it(
    "fails when image/png is removed from the content types, with a report naming the change",
    async ({ expect }) => {
      const repo = await branchWithoutPng();

      const { code, report, stdout } = await specCheckCommand(repo);

      expect(code).toBe(1);
      expect(stdout).toBe(report);
      expect(report).toContain("## Spec check: ❌ failed");
      expect(report).toMatch(/\| Breaking changes \| ❌ 1 breaking change to Api-Version \d{4}-\d{2}-\d{2}, not acknowledged/);
      expect(report).toContain("1. **schema FileContentType changed**: enum: −`image/png`");
      expect(report).toContain("Why it breaks a client:");
      expect(report).toContain("Lucca's beta terms allow breaking changes");
      expect(report).toContain("| Changeset | ❌ breaking changes come with changed type declarations, so @lucca-api/types must be major; found no changeset |");
      expect(report).toContain('-    "image/png",');
      expect(report).toContain('- `openapi.ts`: +1 −1 lines of declarations\n  - `components["schemas"]["FileContentType"]`: −`"image/png"`');
    },
    E2E_TIMEOUT,
  );

  it(
    "passes the same change once a changeset gives @lucca-api/client a major bump",
    async ({ expect }) => {
      await branchWithoutPng();
      const repo = await checkout("drop-png-acknowledged", "drop-png");
      await writeFile(
        path.join(repo, ".changeset/drop-png.md"),
        '---\n"@lucca-api/client": major\n"@lucca-api/types": major\n---\n\nimage/png is no longer an accepted content type.\n',
      );
      await run(repo, "git", ["add", ".changeset/drop-png.md"]);
      await run(repo, "git", ["commit", "-q", "-m", "acknowledge the break"]);

      const { ok, report } = await specCheckInProcess(repo);

      expect(report).toContain("acknowledged by `.changeset/drop-png.md` (@lucca-api/client: major)");
      expect(report).toContain("clients still break, and `.changeset/drop-png.md` acknowledges it (@lucca-api/client: major).");
      expect(report).not.toContain("must still be acknowledged");
      expect(ok).toBe(true);
    },
    E2E_TIMEOUT,
  );

  it(
    "passes a breaking change that introduces a new dated Api-Version, once the types are released as a major",
    async ({ expect }) => {
      const repo = await checkout("new-version");
      await edit(repo, "spec/components/schemas/ApiVersion.yaml", '  - "2024-11-01"\n', '  - "2024-11-01"\n  - "2099-01-01"\n');
      await edit(repo, "spec/components/schemas/FileContentType.yaml", "  - image/png\n", "");
      await regenerate(repo);
      await writeFile(path.join(repo, ".changeset/new-version.md"), '---\n"@lucca-api/types": major\n---\n\nApi-Version 2099-01-01.\n');
      await run(repo, "git", ["add", "."]);
      await run(repo, "git", ["commit", "-q", "-m", "a new version without image/png"]);

      const { ok, report } = await specCheckInProcess(repo);

      expect(report).toContain("New Api-Version: `2099-01-01`.");
      expect(report).toContain("1 breaking change, allowed: the change introduces Api-Version 2099-01-01");
      expect(report).toContain("| Changeset | ✅ breaking changes come with changed type declarations; @lucca-api/types is major, found @lucca-api/types: major (`.changeset/new-version.md`) |");
      expect(ok).toBe(true);
    },
    E2E_TIMEOUT,
  );

  it(
    "passes when a description gains a sentence",
    async ({ expect }) => {
      const repo = await checkout("describe");
      await edit(repo, "spec/paths/files.yaml", "    portrait).\n", "    portrait). The file is kept until a resource references it.\n");
      await regenerate(repo);
      await run(repo, "git", ["commit", "-q", "-am", "say how long an upload is kept"]);

      const { code, report } = await specCheckCommand(repo);

      expect(report).toContain("## Spec check: ✅ passed");
      expect(report).toMatch(/\| changed \| POST \/lucca-api\/files \| POST \/lucca-api\/files \| description: .*portrait\)\.⏎⏎.* → .*portrait\)\. The file is kept until a resource references it\.⏎⏎.* \| no \|/);
      expect(report).toContain("generated types change in doc comments only: no changeset needed");
      expect(code).toBe(0);
    },
    E2E_TIMEOUT,
  );
});
