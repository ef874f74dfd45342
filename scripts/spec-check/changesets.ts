/**
 * The changesets a branch adds (`.changeset/*.md` present in the working tree but not at
 * the merge base): they say which packages to release, and how (patch, minor, major).
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { SpecCheckError } from "./errors.ts";
import { filesAt } from "./git.ts";
import { layout } from "./tools.ts";

export interface Changeset {
  /** Path relative to the repository, e.g. `.changeset/brave-lions-sing.md`. */
  file: string;
  /** Package name -> bump type. */
  releases: Record<string, string>;
  summary: string;
}

const BUMPS = ["patch", "minor", "major", "none"];

/** Parses a changeset file: YAML front matter of `"package": bump` lines, then the summary. */
export function parseChangeset(file: string, text: string): Changeset {
  const match = text.match(/^---\s*\n([\s\S]*?)\n?---\s*(?:\n|$)([\s\S]*)$/);
  if (!match) throw new SpecCheckError(`${file} is not a changeset: it must start with a --- front matter block. Fix: create it with \`npx changeset\`.`);
  const releases: Record<string, string> = parse(match[1] ?? "") ?? {};
  for (const [name, bump] of Object.entries(releases))
    if (!BUMPS.includes(String(bump)))
      throw new SpecCheckError(`${file}: '${name}' has bump '${bump}'; a bump is one of ${BUMPS.join(", ")}. Fix: edit the file or recreate it with \`npx changeset\`.`);
  return { file, releases, summary: (match[2] ?? "").trim() };
}

export async function addedChangesets(repo: string, mergeBase: string): Promise<Changeset[]> {
  const dir = path.join(repo, layout.changesets);
  const present = await readdir(dir).catch(() => [] as string[]);
  const atBase = new Set(await filesAt(repo, mergeBase, layout.changesets));
  const added = present
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .map((name) => layout.changesets + name)
    .filter((file) => !atBase.has(file))
    .sort();
  return Promise.all(added.map(async (file) => parseChangeset(file, await readFile(path.join(repo, file), "utf8"))));
}
