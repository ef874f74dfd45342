/**
 * The rules of CONTRIBUTING.md ("Breaking changes" and "Releases"), applied to what the
 * gate found. Kept apart from the tools so that the rules read in one place.
 */
import type { Change } from "./classify.ts";
import type { Changeset } from "./changesets.ts";
import type { TypesDiff } from "./types-diff.ts";

/** The package integrators import: a major release of it is how an author acknowledges a break. */
export const CLIENT_PACKAGE = "@lucca-api/client";
/** The package the generated types are published in: a change to them needs a release of it. */
export const TYPES_PACKAGE = "@lucca-api/types";
export const ADD_CHANGESET = "npx changeset";

export interface PolicyInput {
  changes: Change[];
  typesDiff: TypesDiff;
  changesets: Changeset[];
  /** The dated `Api-Version` values on each side, as the generator reads them. */
  apiVersions: { base: readonly string[]; revision: readonly string[] };
}

export interface Verdict {
  ok: boolean;
  /** One sentence for the report's summary table. */
  summary: string;
  /** What to do about a failure, naming the command. */
  fix?: string;
}

export interface PolicyResult {
  breaking: Verdict;
  changeset: Verdict;
  /** Dated `Api-Version` values the change introduces. */
  newApiVersions: string[];
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value + "T00:00:00Z"));

/** New `Api-Version` values that are dates later than every version of the base: the API's own versioning rule. */
export function newDatedVersions(base: readonly string[], revision: readonly string[]): string[] {
  const latest = [...base].sort().at(-1) ?? "";
  return revision.filter((version) => !base.includes(version) && isDate(version) && version > latest);
}

export function applyPolicy(input: PolicyInput): PolicyResult {
  const breaking = input.changes.filter((change) => change.breaking);
  const newApiVersions = newDatedVersions(input.apiVersions.base, input.apiVersions.revision);
  const current = [...input.apiVersions.base].sort().at(-1) ?? "(none)";
  const acknowledgement = input.changesets.find((changeset) => changeset.releases[CLIENT_PACKAGE] === "major");
  const released = input.changesets.find((changeset) => changeset.releases[TYPES_PACKAGE] !== undefined && changeset.releases[TYPES_PACKAGE] !== "none");
  const count = `${breaking.length} breaking change${breaking.length === 1 ? "" : "s"}`;
  const allBeta = breaking.length > 0 && breaking.every((change) => change.beta);

  // Dropping a version breaks the clients pinned to it; a new version does not excuse that.
  const removedApiVersions = input.apiVersions.base.filter((version) => !input.apiVersions.revision.includes(version));
  const fix =
    (removedApiVersions.length > 0 ? "Acknowledge" : "Either introduce a new dated Api-Version value for the change, or acknowledge") +
    ` the break: ` +
    `run \`${ADD_CHANGESET}\`, select ${CLIENT_PACKAGE} (and ${TYPES_PACKAGE}), choose a **major** bump, ` +
    `say in the summary what breaks and what integrators must do, and commit the new .changeset/*.md file.`;

  let breakingVerdict: Verdict;
  if (breaking.length === 0) breakingVerdict = { ok: true, summary: "no breaking change" };
  else if (acknowledgement)
    breakingVerdict = {
      ok: true,
      summary: `${count} to Api-Version ${current}, acknowledged by \`${acknowledgement.file}\` (${CLIENT_PACKAGE}: major)`,
    };
  else if (removedApiVersions.length > 0)
    breakingVerdict = {
      ok: false,
      summary: `${count}, including the removal of Api-Version ${removedApiVersions.join(", ")}, not acknowledged: clients pinned to it break`,
      fix,
    };
  else if (newApiVersions.length > 0)
    breakingVerdict = { ok: true, summary: `${count}, allowed: the change introduces Api-Version ${newApiVersions.join(", ")}` };
  else
    breakingVerdict = {
      ok: false,
      summary: `${count} to Api-Version ${current}, not acknowledged${allBeta ? " (beta operations: the beta terms allow it, but it must still be acknowledged)" : ""}`,
      fix,
    };

  let changesetVerdict: Verdict;
  if (!input.typesDiff.changed)
    changesetVerdict = {
      ok: true,
      summary: input.typesDiff.files.length > 0 ? "generated types change in doc comments only: no changeset needed" : "generated types unchanged: no changeset needed",
    };
  else if (released) changesetVerdict = { ok: true, summary: `generated types change; released by \`${released.file}\`` };
  else
    changesetVerdict = {
      ok: false,
      summary: `the spec change alters the generated types, but the branch adds no changeset releasing ${TYPES_PACKAGE}`,
      fix: `Run \`${ADD_CHANGESET}\`, select ${TYPES_PACKAGE} and ${CLIENT_PACKAGE}, choose the bump, and commit the new .changeset/*.md file.`,
    };

  return { breaking: breakingVerdict, changeset: changesetVerdict, newApiVersions };
}
