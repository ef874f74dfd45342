/**
 * What a spec change does to the generated types: both sides are generated with the same
 * generator, then compared as declarations: doc comments stripped, so that a description
 * edit (which only rewrites comments) is told apart from a change of the types; `@default`
 * tags kept, since a default is what the API assumes for a value left out, not prose; and
 * the members of object types put in name order, since their order is not a change.
 */
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ts, type TypeScript } from "../../packages/types/scripts/typescript-compiler.ts";
import { exec } from "./exec.ts";
import { typeChanges, type TypeChange } from "./type-changes.ts";

/** What changed in a generated file: only doc comments, only the order of object members, or declarations. */
export type Effect = "comments" | "order" | "declarations";

export interface FileDiff {
  /** The generated file's name, e.g. `openapi.ts`. */
  file: string;
  effect: Effect;
  /** Lines of declarations added and removed (as compared: comments stripped, members in name order). */
  added: number;
  removed: number;
  /** What changed for the user of each type (a property added, a union's literal lost); empty unless `effect` is `declarations`. */
  changes: TypeChange[];
  /** The unified diff of the declarations as compared, without the file headers; empty unless `effect` is `declarations`. */
  patch: string;
}

export interface TypesDiff {
  /** True when a declaration changed: such a change needs a changeset. */
  changed: boolean;
  files: FileDiff[];
}

const DEFAULT_TAG = "default";

/** Orders the members of an object type by name; unnamed ones (index and call signatures) keep their order, after them. */
function byName(members: TypeScript.NodeArray<TypeScript.TypeElement>): TypeScript.TypeElement[] {
  const nameOf = (member: TypeScript.TypeElement) => (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) || ts.isNumericLiteral(member.name)) ? member.name.text : undefined);
  return [...members].sort((a, b) => {
    const [x, y] = [nameOf(a), nameOf(b)];
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Drops every comment but the `@default` tags, and sorts object members (see byName). */
const canonical: TypeScript.TransformerFactory<TypeScript.SourceFile> = (context) => {
  const visit = (node: TypeScript.Node): TypeScript.Node => {
    const defaults = ts.getJSDocTags(node).filter((tag) => tag.tagName.text === DEFAULT_TAG && tag.parent?.parent === node);
    let out = ts.visitEachChild(node, visit, context);
    if (ts.isTypeLiteralNode(out)) out = context.factory.updateTypeLiteralNode(out, context.factory.createNodeArray(byName(out.members)));
    else if (ts.isInterfaceDeclaration(out))
      out = context.factory.updateInterfaceDeclaration(out, out.modifiers, out.name, out.typeParameters, out.heritageClauses, byName(out.members));
    ts.setEmitFlags(out, ts.EmitFlags.NoComments);
    for (const tag of defaults)
      ts.addSyntheticLeadingComment(out, ts.SyntaxKind.MultiLineCommentTrivia, ` @${DEFAULT_TAG} ${ts.getTextOfJSDocComment(tag.comment) ?? ""} `, false);
    return out;
  };
  return (file) => ts.visitNode(file, visit) as TypeScript.SourceFile;
};

/** The file as compared, printed the same way on both sides; `sorted: false` keeps the members' order. */
function declarations(fileName: string, text: string, sorted: boolean): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  if (!sorted) return ts.createPrinter({ removeComments: true }).printFile(source);
  const result = ts.transform(source, [canonical]);
  try {
    return ts.createPrinter({ removeComments: false }).printFile(result.transformed[0]!);
  } finally {
    result.dispose();
  }
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
    const sides = { base: declarations(name, before, true), revision: declarations(name, after, true) };
    const effect: Effect =
      sides.base !== sides.revision ? "declarations" : declarations(name, before, false) === declarations(name, after, false) ? "comments" : "order";
    for (const [side, text] of Object.entries(sides)) {
      await mkdir(path.join(workDir, side), { recursive: true });
      await writeFile(path.join(workDir, side, name), text);
    }
    const diff = await exec("git", ["diff", "--no-index", "--no-color", "-U1", `base/${name}`, `revision/${name}`], { cwd: workDir });
    const patch = diff.stdout.split("\n").filter((line) => !/^(diff --git|index |--- |\+\+\+ )/.test(line)).join("\n").trim();
    const lines = patch.split("\n");
    const plus = lines.filter((line) => line.startsWith("+"));
    const minus = lines.filter((line) => line.startsWith("-"));
    files.push({
      file: name,
      effect,
      added: plus.length,
      removed: minus.length,
      changes: effect === "declarations" ? typeChanges(name, before, after) : [],
      patch: effect === "declarations" ? patch : "",
    });
  }
  return { changed: files.some((file) => file.effect === "declarations"), files };
}
