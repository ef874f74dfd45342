/** Compares a fixture pair the way the gate does: Redocly's diff, then the project's classification. */
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { classifyAll, type Change } from "../spec-check/classify.ts";
import { applyPolicy, type Verdict } from "../spec-check/policy.ts";
import { redoclyDiff } from "../spec-check/redocly-diff.ts";

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}.yaml`, import.meta.url));

export async function readFixture(name: string): Promise<any> {
  return parse(await readFile(fixture(name), "utf8"));
}

export async function compareWithBase(revision: string): Promise<Change[]> {
  const documents = { base: await readFixture("base"), revision: await readFixture(revision) };
  return classifyAll(await redoclyDiff(fixture("base"), fixture(revision), tmpdir()), documents);
}

/** The fixtures' dated versions: the enum of their `ApiVersion` parameter. */
const versionsOf = (document: any): string[] => document.components.parameters.ApiVersion.schema.enum;

/** The gate's breaking-change verdict on a fixture pair, with no changeset on the branch. */
export async function verdictAgainstBase(revision: string, changes: Change[]): Promise<Verdict> {
  const apiVersions = { base: versionsOf(await readFixture("base")), revision: versionsOf(await readFixture(revision)) };
  return applyPolicy({ changes, typesDiff: { changed: false, files: [] }, changesets: [], apiVersions }).breaking;
}
