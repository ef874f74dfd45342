/**
 * What a spec change does to the generated types: both sides are generated with the same
 * generator, then compared with their doc comments stripped, so that a description edit
 * (which only rewrites comments) is told apart from a change of the types themselves.
 */
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { exec } from "./exec.ts";

export interface FileDiff {
  /** The generated file's name, e.g. `openapi.ts`. */
  file: string;
  /** Lines of declarations added and removed (comments stripped). */
  added: number;
  removed: number;
  /** True when the file changed only in its doc comments. */
  commentsOnly: boolean;
  /** String literals (enum values, paths, header names) only on one side: what a union gained or lost. */
  literalsAdded: string[];
  literalsRemoved: string[];
  /** The unified diff of the declarations, without the file headers. */
  patch: string;
}

export interface TypesDiff {
  /** True when a declaration changed: such a change needs a changeset. */
  changed: boolean;
  files: FileDiff[];
}

/** The file with its comments removed, printed the same way on both sides. */
function declarations(fileName: string, text: string): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/** The string literals of diff lines, e.g. each member of a union of content types. */
function literals(lines: string[]): Set<string> {
  return new Set(lines.flatMap((line) => line.match(/"(?:[^"\\]|\\.)*"/g) ?? []));
}

function onlyIn(side: Set<string>, other: Set<string>): string[] {
  return [...side].filter((literal) => !other.has(literal));
}

async function readDir(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(path.join(dir, name), "utf8"));
  return files;
}

export async function diffTypes(baseDir: string, revisionDir: string, workDir: string): Promise<TypesDiff> {
  const [base, revision] = await Promise.all([readDir(baseDir), readDir(revisionDir)]);
  const names = [...new Set([...base.keys(), ...revision.keys()])].sort();
  const files: FileDiff[] = [];
  for (const name of names) {
    const before = base.get(name) ?? "";
    const after = revision.get(name) ?? "";
    if (before === after) continue;
    const sides = { base: declarations(name, before), revision: declarations(name, after) };
    for (const [side, text] of Object.entries(sides)) {
      await mkdir(path.join(workDir, side), { recursive: true });
      await writeFile(path.join(workDir, side, name), text);
    }
    const diff = await exec("git", ["diff", "--no-index", "--no-color", "-U1", `base/${name}`, `revision/${name}`], { cwd: workDir });
    const patch = diff.stdout.split("\n").filter((line) => !/^(diff --git|index |--- |\+\+\+ )/.test(line)).join("\n").trim();
    const lines = patch.split("\n");
    const plus = lines.filter((line) => line.startsWith("+"));
    const minus = lines.filter((line) => line.startsWith("-"));
    const [gained, lost] = [literals(plus), literals(minus)];
    files.push({
      file: name,
      added: plus.length,
      removed: minus.length,
      literalsAdded: onlyIn(gained, lost),
      literalsRemoved: onlyIn(lost, gained),
      commentsOnly: sides.base === sides.revision,
      patch: sides.base === sides.revision ? "" : patch,
    });
  }
  return { changed: files.some((file) => !file.commentsOnly), files };
}
