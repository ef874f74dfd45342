/**
 * The gate end to end, as an author meets it: a throwaway git repository holding a copy of
 * this repository's spec and generated types, a branch with one edit, and
 * `spec:check --base main` run in it: the command itself for a failing and a passing case,
 * the same checks and report in this process for the other two.
 *
 * Each branch is checked out in its own git worktree of that one repository, so the cases
 * run two at a time (vitest.config.ts). The branches are made once, before the cases, as
 * an author commits them: edited, types regenerated, committed; one Redocly process
 * bundles all their specs (starting Redocly costs 0.45 s of CPU, bundling one spec 0.05 s).
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { parse, stringify } from "yaml";
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

/** A worktree of its own on a new `branch` cut from `from`: what `git switch -c` is for an author. */
async function checkout(branch: string, from = "main"): Promise<string> {
  const dir = path.join(root, branch);
  await run(main, "git", ["worktree", "add", "-q", "-b", branch, dir, from]);
  return dir;
}

async function edit(repo: string, file: string, from: string, to: string): Promise<void> {
  const text = await readFile(path.join(repo, file), "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  await writeFile(path.join(repo, file), text.replace(from, to));
}

/**
 * What `npm run generate` does for the author, for several branches at once: bundle each
 * spec, regenerate its committed types. One `redocly bundle` bundles them all: main's
 * redocly.yaml with one API a branch (`apis.<branch>.output` names each bundle). The
 * generator renders in this process (the gate renders with it too): starting it under
 * tsx cost about 2 s of CPU a branch. The gate's drift check would fail a case whose
 * bundle differed from the one `npm run generate` makes.
 */
async function regenerate(repos: string[]): Promise<void> {
  const config = parse(await readFile(path.join(main, layout.redoclyConfig), "utf8"));
  config.apis = Object.fromEntries(
    repos.map((repo) => [path.basename(repo), { root: path.join(repo, layout.spec), output: path.join(repo, "bundle.json") }]),
  );
  // Beside main's redocly.yaml, so that the paths it names (its plugin) resolve alike.
  const configPath = path.join(main, "redocly.regenerate.yaml");
  await writeFile(configPath, stringify(config));
  await run(main, redocly, ["bundle", "--config", configPath]);
  for (const repo of repos) {
    const bundlePath = path.join(repo, "bundle.json");
    await writeTypes(await renderBundle(bundlePath, repo), path.join(repo, layout.generated));
    await rm(bundlePath);
  }
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

/** The branches the cases check, by name: their worktrees. */
const branches = {} as Record<"dropPng" | "dropPngAcknowledged" | "newVersion" | "describe", string>;

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

  // image/png gone from the content types.
  branches.dropPng = await checkout("drop-png");
  await edit(branches.dropPng, "spec/components/schemas/FileContentType.yaml", "  - image/png\n", "");
  // The same break, with a new dated Api-Version.
  branches.newVersion = await checkout("new-version");
  await edit(branches.newVersion, "spec/components/schemas/ApiVersion.yaml", '  - "2024-11-01"\n', '  - "2024-11-01"\n  - "2099-01-01"\n');
  await edit(branches.newVersion, "spec/components/schemas/FileContentType.yaml", "  - image/png\n", "");
  await writeFile(path.join(branches.newVersion, ".changeset/new-version.md"), '---\n"@lucca-api/types": major\n---\n\nApi-Version 2099-01-01.\n');
  // A sentence more in a description.
  branches.describe = await checkout("describe");
  await edit(branches.describe, "spec/paths/files.yaml", "    portrait).\n", "    portrait). The file is kept until a resource references it.\n");

  await regenerate([branches.dropPng, branches.newVersion, branches.describe]);
  await run(branches.dropPng, "git", ["commit", "-q", "-am", "drop image/png"]);
  await run(branches.newVersion, "git", ["add", "."]);
  await run(branches.newVersion, "git", ["commit", "-q", "-m", "a new version without image/png"]);
  await run(branches.describe, "git", ["commit", "-q", "-am", "say how long an upload is kept"]);

  // drop-png, then a changeset that gives @lucca-api/client a major bump.
  branches.dropPngAcknowledged = await checkout("drop-png-acknowledged", "drop-png");
  await writeFile(
    path.join(branches.dropPngAcknowledged, ".changeset/drop-png.md"),
    '---\n"@lucca-api/client": major\n"@lucca-api/types": major\n---\n\nimage/png is no longer an accepted content type.\n',
  );
  await run(branches.dropPngAcknowledged, "git", ["add", ".changeset/drop-png.md"]);
  await run(branches.dropPngAcknowledged, "git", ["commit", "-q", "-m", "acknowledge the break"]);
}, E2E_TIMEOUT);

afterAll(() => rm(root, { recursive: true, force: true }));

describe.concurrent("spec:check --base main on a branch", () => {
  it(
    "fails when image/png is removed from the content types, with a report naming the change",
    async ({ expect }) => {
      const { code, report, stdout } = await specCheckCommand(branches.dropPng);

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
      const { ok, report } = await specCheckInProcess(branches.dropPngAcknowledged);

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
      const { ok, report } = await specCheckInProcess(branches.newVersion);

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
      const { code, report } = await specCheckCommand(branches.describe);

      expect(report).toContain("## Spec check: ✅ passed");
      expect(report).toContain("| Lint (Redocly, `redocly.yaml`) | ✅ no problem |");
      expect(report).not.toContain("### Lint problems");
      expect(report).toMatch(/\| changed \| POST \/lucca-api\/files \| POST \/lucca-api\/files \| description: .*portrait\)\.⏎⏎.* → .*portrait\)\. The file is kept until a resource references it\.⏎⏎.* \| no \|/);
      expect(report).toContain("generated types change in doc comments only: no changeset needed");
      expect(code).toBe(0);
    },
    E2E_TIMEOUT,
  );
});
