/**
 * The rules of CONTRIBUTING.md ("Breaking changes" and "Changesets and releases"), applied
 * to what the gate found. Kept apart from the tools so that the rules read in one place.
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

/** The highest bump the branch's changesets give a package, and the changeset that gives it. */
export interface Release {
  bump: string;
  file: string;
}

/** A package that must be released as a major, and why. */
export interface RequiredMajor {
  name: string;
  because: string;
}

export interface PolicyResult {
  breaking: Verdict;
  changeset: Verdict;
  /** Dated `Api-Version` values the change introduces. */
  newApiVersions: string[];
  /** What lets the breaking changes land, when something does: the changeset giving the client its major, or new Api-Versions. */
  allowedBy?: { changeset: string } | { apiVersions: string[] };
  /** Each package the branch's changesets release, at its highest bump. */
  releases: Record<string, Release>;
  /** The packages that must take a major for the change to pass. */
  requiredMajors: RequiredMajor[];
}

const BUMP_ORDER = ["none", "patch", "minor", "major"];
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value + "T00:00:00Z"));
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** New `Api-Version` values that are dates later than every version of the base: the API's own versioning rule. */
export function newDatedVersions(base: readonly string[], revision: readonly string[]): string[] {
  const latest = [...base].sort().at(-1) ?? "";
  return revision.filter((version) => !base.includes(version) && isDate(version) && version > latest);
}

/** Each package at the highest bump any of the changesets gives it (the first changeset wins a tie). */
export function releasesOf(changesets: Changeset[]): Record<string, Release> {
  const releases: Record<string, Release> = {};
  for (const changeset of changesets)
    for (const [name, bump] of Object.entries(changeset.releases))
      if (!releases[name] || BUMP_ORDER.indexOf(bump) > BUMP_ORDER.indexOf(releases[name].bump)) releases[name] = { bump, file: changeset.file };
  return releases;
}

/** What the changesets give, e.g. "@lucca-api/client: major (`.changeset/a.md`), @lucca-api/types: minor (`.changeset/a.md`)". */
function found(releases: Record<string, Release>): string {
  const entries = Object.entries(releases).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return "found no changeset";
  return "found " + entries.map(([name, release]) => `${name}: ${release.bump} (\`${release.file}\`)`).join(", ");
}

/** "@lucca-api/client (now minor in `.changeset/a.md`)" or "@lucca-api/client (now not released)". */
function nowAt(releases: Record<string, Release>, name: string): string {
  const release = releases[name];
  return `${name} (now ${release && release.bump !== "none" ? `${release.bump} in \`${release.file}\`` : "not released"})`;
}

/**
 * A breaking change that comes with changed declarations breaks the published types: they
 * describe the spec as it is, for every `Api-Version` at once, so code written against
 * what the break rewrote, removed or now requires stops compiling whichever version it
 * sends. Which declaration a break changed cannot be told apart reliably (a new required
 * parameter only adds lines, a request enum that grows rewrites one), so any declaration
 * change next to a break counts.
 */
function declarationsBreak(breaking: Change[], typesDiff: TypesDiff): boolean {
  return breaking.length > 0 && typesDiff.changed;
}

const TYPES_MAJOR_BECAUSE =
  "the change breaks clients and alters the declarations, which describe every Api-Version at once: code written against what changed may stop compiling, whichever version it sends";
const CLIENT_MAJOR_BECAUSE = "it acknowledges the break to the integrators";

export function applyPolicy(input: PolicyInput): PolicyResult {
  const breaking = input.changes.filter((change) => change.breaking);
  const releases = releasesOf(input.changesets);
  const newApiVersions = newDatedVersions(input.apiVersions.base, input.apiVersions.revision);
  const current = [...input.apiVersions.base].sort().at(-1) ?? "(none)";
  const count = plural(breaking.length, "breaking change");
  const allBeta = breaking.length > 0 && breaking.every((change) => change.beta);
  // Dropping a version breaks the clients pinned to it; a new version does not excuse that.
  const removedApiVersions = input.apiVersions.base.filter((version) => !input.apiVersions.revision.includes(version));
  const coveredByVersion = newApiVersions.length > 0 && removedApiVersions.length === 0;
  const clientMajor = releases[CLIENT_PACKAGE]?.bump === "major" ? releases[CLIENT_PACKAGE] : undefined;
  const typesBreak = declarationsBreak(breaking, input.typesDiff);

  const requiredMajors: RequiredMajor[] = [
    ...(breaking.length > 0 && !coveredByVersion ? [{ name: CLIENT_PACKAGE, because: CLIENT_MAJOR_BECAUSE }] : []),
    ...(typesBreak ? [{ name: TYPES_PACKAGE, because: TYPES_MAJOR_BECAUSE }] : []),
  ];

  let breakingVerdict: Verdict;
  let allowedBy: PolicyResult["allowedBy"];
  if (breaking.length === 0) breakingVerdict = { ok: true, summary: "no breaking change" };
  else if (clientMajor) {
    allowedBy = { changeset: clientMajor.file };
    breakingVerdict = { ok: true, summary: `${count} to Api-Version ${current}, acknowledged by \`${clientMajor.file}\` (${CLIENT_PACKAGE}: major)` };
  } else if (coveredByVersion) {
    allowedBy = { apiVersions: newApiVersions };
    breakingVerdict = { ok: true, summary: `${count}, allowed: the change introduces Api-Version ${newApiVersions.join(", ")}` };
  } else {
    const what =
      removedApiVersions.length > 0
        ? `${count}, including the removal of Api-Version ${removedApiVersions.join(", ")}, not acknowledged: clients pinned to it break`
        : `${count} to Api-Version ${current}, not acknowledged${allBeta ? " (beta operations: the beta terms allow it, but it must still be acknowledged)" : ""}`;
    breakingVerdict = {
      ok: false,
      summary: `${what}; ${CLIENT_PACKAGE} must be major, ${found(releases)}`,
      fix:
        (removedApiVersions.length > 0 ? "Acknowledge" : "Either introduce a new dated Api-Version value for the change, or acknowledge") +
        ` the break: run \`${ADD_CHANGESET}\`, choose **major** for ${requiredMajors.map((major) => nowAt(releases, major.name)).join(" and ")}, ` +
        `say in the summary what breaks and what integrators must do, and commit the new .changeset/*.md file.`,
    };
  }

  const typesRelease = releases[TYPES_PACKAGE];
  const typesReleased = typesRelease !== undefined && typesRelease.bump !== "none";
  let changesetVerdict: Verdict;
  if (!input.typesDiff.changed) {
    const effects = new Set(input.typesDiff.files.map((file) => file.effect));
    const what =
      effects.size === 0
        ? "generated types unchanged"
        : `generated types change in ${[...(effects.has("comments") ? ["doc comments"] : []), ...(effects.has("order") ? ["member order"] : [])].join(" and ")} only`;
    changesetVerdict = { ok: true, summary: `${what}: no changeset needed${input.changesets.length > 0 ? `; ${found(releases)}` : ""}` };
  } else if (typesBreak) {
    changesetVerdict =
      typesRelease?.bump === "major"
        ? { ok: true, summary: `breaking changes come with changed type declarations; ${TYPES_PACKAGE} is major, ${found(releases)}` }
        : {
            ok: false,
            summary: `breaking changes come with changed type declarations, so ${TYPES_PACKAGE} must be major; ${found(releases)}`,
            fix: `Run \`${ADD_CHANGESET}\` (or edit the branch's changeset), choose **major** for ${nowAt(releases, TYPES_PACKAGE)}: ${TYPES_MAJOR_BECAUSE}.`,
          };
  } else if (typesReleased) changesetVerdict = { ok: true, summary: `generated types change; ${found(releases)}` };
  else
    changesetVerdict = {
      ok: false,
      summary: `the spec change alters the generated types, but the branch adds no changeset releasing ${TYPES_PACKAGE}; ${found(releases)}`,
      fix: `Run \`${ADD_CHANGESET}\`, select ${TYPES_PACKAGE} and ${CLIENT_PACKAGE}, choose the bump, and commit the new .changeset/*.md file.`,
    };

  return { breaking: breakingVerdict, changeset: changesetVerdict, newApiVersions, ...(allowedBy ? { allowedBy } : {}), releases, requiredMajors };
}
