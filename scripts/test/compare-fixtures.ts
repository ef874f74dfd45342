/** Compares a fixture pair the way the gate does: Redocly's diff, then the project's classification. */
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { classifyAll, type Change } from "../spec-check/classify.ts";
import { applyPolicy, type Verdict } from "../spec-check/policy.ts";
import { redoclyDiff } from "../spec-check/redocly-diff.ts";

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}.yaml`, import.meta.url));

const parsedFixtures = new Map<string, Promise<unknown>>();

/** The fixture as a document of its own (tests edit theirs), each file parsed once: the tests ask some 95 times for 30 files. */
export async function readFixture(name: string): Promise<any> {
  let parsed = parsedFixtures.get(name);
  if (!parsed) parsedFixtures.set(name, (parsed = readFile(fixture(name), "utf8").then((text) => parse(text))));
  return structuredClone(await parsed);
}

const compared = new Map<string, Promise<Change[]>>();

/** The classified changes of a fixture against base.yaml; Redocly runs once per fixture, however many tests ask. */
export function compareWithBase(revision: string): Promise<Change[]> {
  return compareFixtures("base", revision);
}

/** The classified changes between two fixtures, for an edit that needs a base other than base.yaml (one with an encoding). */
export function compareFixtures(base: string, revision: string): Promise<Change[]> {
  const key = base === "base" ? revision : `${base} → ${revision}`;
  let changes = compared.get(key);
  if (!changes) {
    changes = (async () => {
      const documents = { base: await readFixture(base), revision: await readFixture(revision) };
      return classifyAll(await redoclyDiff(fixture(base), fixture(revision), tmpdir()), documents);
    })();
    compared.set(key, changes);
  }
  return changes;
}

/**
 * Compares fixtures ahead of their tests, one after the other: Redocly's diff runs in this
 * process, where its logger and the notices it collects are shared, so two at once could
 * mix their notices (and on one process, overlapping them saves nothing).
 */
export async function compareAhead(revisions: string[], concurrency = 1): Promise<void> {
  const queue = [...new Set(revisions)];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await compareWithBase(next);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** The fixtures' dated versions: the enum of their `ApiVersion` parameter. */
const versionsOf = (document: any): string[] => document.components.parameters.ApiVersion.schema.enum;

/** The gate's breaking-change verdict on a fixture pair, with no changeset on the branch. */
export async function verdictAgainstBase(revision: string, changes: Change[]): Promise<Verdict> {
  const apiVersions = { base: versionsOf(await readFixture("base")), revision: versionsOf(await readFixture(revision)) };
  return applyPolicy({ changes, typesDiff: { changed: false, files: [] }, changesets: [], apiVersions }).breaking;
}
