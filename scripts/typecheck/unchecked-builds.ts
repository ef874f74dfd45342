/**
 * The workspaces' builds only emit (`tsc -p tsconfig.json --noCheck`): the type check
 * (`typecheck:workspaces`, in `npm test` and `npm run build`) already checks the same files
 * with the same options, and checking them again in each build was a few core-seconds of
 * every cold `npm test`. That holds only while each workspace's `typecheck` config covers
 * its build's: this finds the builds it does not.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { typecheckConfig, workspaceFolders } from "./typecheck-workspaces.ts";

/** A build that compiles without checking: `tsc -p <config> --noCheck`. */
const UNCHECKED_BUILD = /^tsc -p (\S+) --noCheck$/;

/**
 * Options that say where output goes, or what is emitted, not how a file is checked: the
 * type check emits nothing, and checks declarations even where a build emits none.
 */
const NOT_CHECKING = new Set(["configFilePath", "rootDir", "outDir", "declarationDir", "tsBuildInfoFile", "noEmit", "noCheck", "declaration", "declarationMap", "sourceMap"]);

function parsed(config: string): ts.ParsedCommandLine {
  const result = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!result) throw new Error(`${config}: TypeScript cannot read this config`);
  return result;
}

/** How each of `options` checks, as a comparable string per option. */
function checkingOptions(options: ts.CompilerOptions): Map<string, string> {
  return new Map(Object.entries(options).filter(([name]) => !NOT_CHECKING.has(name)).map(([name, value]) => [name, JSON.stringify(value)]));
}

/** One line per workspace whose unchecked build compiles what its type check does not check, or checks differently. */
export async function uncheckedBuilds(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const workspace of await workspaceFolders(root)) {
    const manifest = JSON.parse(await readFile(path.join(root, workspace, "package.json"), "utf8").catch(() => "{}")) as { scripts?: Record<string, string> };
    const buildConfig = UNCHECKED_BUILD.exec(manifest.scripts?.build ?? "")?.[1];
    if (buildConfig === undefined) continue;
    const typecheck = await typecheckConfig(root, workspace);
    if (typecheck === undefined) {
      problems.push(`${workspace}: its build compiles with --noCheck, and it has no typecheck script: add one ('tsc -p tsconfig.test.json') or drop --noCheck.`);
      continue;
    }
    const build = parsed(path.resolve(root, workspace, buildConfig));
    const check = parsed(path.resolve(root, typecheck));
    const checked = new Set(check.fileNames);
    const missed = build.fileNames.filter((file) => !checked.has(file));
    if (missed.length > 0)
      problems.push(`${workspace}: its build compiles ${missed.map((file) => path.relative(root, file)).join(", ")} with --noCheck, and ${typecheck} does not check them: include them there.`);
    const wanted = checkingOptions(build.options);
    const had = checkingOptions(check.options);
    for (const [name, value] of wanted)
      if (had.get(name) !== value)
        problems.push(`${workspace}: its build compiles with ${name}: ${value}, and ${typecheck} checks with ${had.get(name) ?? "no value"}: give the type check the build's ${name}.`);
  }
  return problems;
}
