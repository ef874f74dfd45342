/**
 * The spec gate: bundles the spec at the merge base with `--base` and in the working
 * tree, then runs every check and gathers what the report needs. Nothing is written
 * outside a temporary directory, which is removed at the end, but the base commit's
 * bundle, kept for the next run (base-bundle.ts).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { addedChangesets, type Changeset } from "./changesets.ts";
import { classifyAll, type Change } from "./classify.ts";
import { validateExamples, type ExamplesResult } from "./examples.ts";
import { checkDrift, renderBundle, writeTypes, type DriftResult } from "./generated-types.ts";
import { bundleAt } from "./base-bundle.ts";
import { repositoryRoot, resolveBase, type BaseRevision } from "./git.ts";
import { applyPolicy, type PolicyResult } from "./policy.ts";
import { redoclyDiff } from "./redocly-diff.ts";
import { bundle, lint, type LintResult } from "./redocly.ts";
import { diffTypes, type TypesDiff } from "./types-diff.ts";

export interface CheckResult {
  ok: boolean;
  repo: string;
  base: BaseRevision;
  lint: LintResult;
  examples: ExamplesResult;
  drift: DriftResult;
  changes: Change[];
  typesDiff: TypesDiff;
  changesets: Changeset[];
  policy: PolicyResult;
}

/** The dated versions the generator reads from a spec (its `apiVersions` constant). */
async function apiVersionsOf(generatedDir: string): Promise<readonly string[]> {
  const constants = await import(pathToFileURL(path.join(generatedDir, "constants.ts")).href);
  return constants.apiVersions;
}

export async function specCheck(options: { cwd: string; base: string }): Promise<CheckResult> {
  const repo = await repositoryRoot(options.cwd);
  const base = await resolveBase(repo, options.base);
  const work = await mkdtemp(path.join(tmpdir(), "spec-check-"));
  try {
    const files = {
      baseBundle: path.join(work, "base.json"),
      revisionBundle: path.join(work, "revision.json"),
      baseTypes: path.join(work, "types-base"),
      revisionTypes: path.join(work, "types-revision"),
    };
    const [lintResult] = await Promise.all([
      lint(repo),
      bundleAt(repo, base.mergeBase, files.baseBundle, `${options.base} (${base.mergeBase.slice(0, 12)})`),
      bundle(repo, files.revisionBundle, "the working tree"),
    ]);
    const documents = {
      base: JSON.parse(await readFile(files.baseBundle, "utf8")),
      revision: JSON.parse(await readFile(files.revisionBundle, "utf8")),
    };
    const [revisionGenerated, redoclyChanges, changesets] = await Promise.all([
      renderBundle(files.revisionBundle, "the working tree"),
      redoclyDiff(files.baseBundle, files.revisionBundle, work),
      addedChangesets(repo, base.mergeBase),
      renderBundle(files.baseBundle, options.base).then((generated) => writeTypes(generated, files.baseTypes)),
    ]);
    const [drift] = await Promise.all([
      checkDrift(repo, revisionGenerated),
      writeTypes(revisionGenerated, files.revisionTypes),
    ]);
    const typesDiff = await diffTypes(files.baseTypes, files.revisionTypes, path.join(work, "types-diff"));
    const changes = classifyAll(redoclyChanges, documents);
    const examples = validateExamples(documents.revision);
    const policy = applyPolicy({
      changes,
      typesDiff,
      changesets,
      apiVersions: { base: await apiVersionsOf(files.baseTypes), revision: await apiVersionsOf(files.revisionTypes) },
    });
    const ok = lintResult.ok && examples.ok && drift.ok && policy.breaking.ok && policy.changeset.ok;
    return { ok, repo, base, lint: lintResult, examples, drift, changes, typesDiff, changesets, policy };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
