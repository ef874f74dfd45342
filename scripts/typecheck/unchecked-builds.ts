/**
 * The workspaces' builds only emit (`tsc -p tsconfig.json --noCheck`): the type check
 * (`typecheck:workspaces`: `npm test`, `npm run build`, `release:publish`) checks the same
 * files with the same options, and checking them again in each build was a few
 * core-seconds of every cold `npm test`. That holds only while each workspace's
 * `typecheck` config covers its build's; `cli.ts` runs this before the type check and
 * fails on what it finds.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ts, type TypeScript } from "../../packages/types/scripts/typescript-compiler.ts";
import { EMIT_PLACEMENT, typecheckConfig, workspaceFolders, workspaceScripts } from "./typecheck-workspaces.ts";

/** The one form of build this understands: `tsc -p <config> --noCheck`. */
const UNCHECKED_BUILD = /^tsc -p (\S+) --noCheck$/;

/**
 * Options that say what is emitted, not how a file is checked: the type check emits nothing.
 * (`declaration` does change the check, with the errors of declaration emit: it is
 * compared on its own, see `declarationsOn`.)
 */
const NOT_CHECKING = new Set([...EMIT_PLACEMENT, "noEmit", "noCheck", "declaration", "composite", "declarationMap", "sourceMap"]);

function parsed(config: string): TypeScript.ParsedCommandLine {
  const result = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!result) throw new Error(`${config}: TypeScript cannot read this config`);
  return result;
}

/** How each of `options` checks, as a comparable string per option. */
function checkingOptions(options: TypeScript.CompilerOptions): Map<string, string> {
  return new Map(Object.entries(options).filter(([name]) => !NOT_CHECKING.has(name)).map(([name, value]) => [name, JSON.stringify(value)]));
}

const declarationsOn = ({ declaration, composite }: TypeScript.CompilerOptions) => Boolean(declaration || composite);

/**
 * Whether a file changes what other files see: a script (no import or export) puts its
 * declarations in the global scope; `declare global` and `declare module "m"` augment.
 * Read from the syntax alone: no program is built.
 */
async function declaresGlobally(file: string): Promise<boolean> {
  const source = ts.createSourceFile(file, await readFile(file, "utf8"), ts.ScriptTarget.Latest);
  if (!ts.isExternalModule(source)) return true;
  return source.statements.some((statement) => ts.isModuleDeclaration(statement) && ((statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0 || ts.isStringLiteral(statement.name)));
}

/** One line a problem: each workspace whose unchecked build its type check does not cover, and the fix. */
export async function buildCoverageProblems(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const workspace of await workspaceFolders(root)) {
    const build = (await workspaceScripts(root, workspace)).build ?? "";
    if (!build.includes("--noCheck")) continue;
    const buildConfig = UNCHECKED_BUILD.exec(build)?.[1];
    if (buildConfig === undefined) {
      problems.push(`${workspace}: its build script is '${build}'; a build that compiles with --noCheck must be 'tsc -p <tsconfig> --noCheck', so that its type check can be compared with it.`);
      continue;
    }
    const typecheck = await typecheckConfig(root, workspace);
    if (typecheck === undefined) {
      problems.push(`${workspace}: its build compiles with --noCheck, and it has no typecheck script: add one ('tsc -p tsconfig.test.json') or drop --noCheck.`);
      continue;
    }
    const compiled = parsed(path.resolve(root, workspace, buildConfig));
    const checked = parsed(path.resolve(root, typecheck));
    const checkedFiles = new Set(checked.fileNames);
    const missed = compiled.fileNames.filter((file) => !checkedFiles.has(file));
    if (missed.length > 0)
      problems.push(`${workspace}: its build compiles ${missed.map((file) => path.relative(root, file)).join(", ")} with --noCheck, and ${typecheck} does not check them: include them there.`);
    const wanted = checkingOptions(compiled.options);
    const had = checkingOptions(checked.options);
    for (const [name, value] of wanted)
      if (had.get(name) !== value)
        problems.push(`${workspace}: its build compiles with ${name}: ${value}, and ${typecheck} checks with ${had.get(name) ?? "no value"}: give the type check the build's ${name}.`);
    if (declarationsOn(compiled.options) && !declarationsOn(checked.options))
      problems.push(`${workspace}: its build emits declarations, and ${typecheck} checks without 'declaration': set it there, so that what declaration emit refuses is reported.`);
    // A file only the type check holds must not change what the build's files see there.
    const compiledFiles = new Set(compiled.fileNames);
    for (const file of checked.fileNames.filter((name) => !compiledFiles.has(name)))
      if (await declaresGlobally(file))
        problems.push(`${workspace}: ${path.relative(root, file)}, which ${typecheck} checks and the build does not compile, declares globals or augments a module, which the build's files then see in the type check only: make it a module without 'declare global' or 'declare module', or drop --noCheck.`);
  }
  return problems;
}
