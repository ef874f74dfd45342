/**
 * Every workspace's own `typecheck` script (`tsc -p <config>`), run in one process instead
 * of one `tsc` each (`npm test` runs it through cli.ts). The programs share the declaration
 * files they all read (TypeScript's lib, @types/node, vitest's and the workspaces' own
 * types), parsed once instead of once per workspace: that was half of the CPU of seven
 * `tsc`s. Each workspace keeps its tsconfig and its options, so
 * `npm run typecheck -w <workspace>` checks the same files the same way.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";

export interface WorkspaceCheck {
  /** The workspace's folder, relative to the repository root. */
  workspace: string;
  /** The tsconfig its `typecheck` script names. */
  config: string;
  diagnostics: readonly ts.Diagnostic[];
}

/** What `tsc -p <config>` and `tsc --noEmit -p <config>` check; nothing else is understood. */
const TSC_SCRIPT = /^tsc(?: --noEmit)? -p (\S+)$/;

/** The root package.json's workspace folders (`packages/*` is every folder in packages/), in order. */
async function workspaceFolders(root: string): Promise<string[]> {
  const { workspaces } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { workspaces: string[] };
  const folders: string[] = [];
  for (const pattern of workspaces) {
    if (!pattern.endsWith("/*")) folders.push(pattern);
    else {
      const parent = pattern.slice(0, -2);
      const entries = await readdir(path.join(root, parent), { withFileTypes: true });
      folders.push(...entries.filter((entry) => entry.isDirectory()).map((entry) => `${parent}/${entry.name}`).sort());
    }
  }
  return folders;
}

/** The tsconfig named by a workspace's `typecheck` script, or undefined when it has none. */
async function typecheckConfig(root: string, workspace: string): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(path.join(root, workspace, "package.json"), "utf8").catch(() => "{}")) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.typecheck;
  if (script === undefined) return undefined;
  const config = TSC_SCRIPT.exec(script)?.[1];
  if (config === undefined)
    throw new Error(`${workspace}/package.json: its typecheck script is '${script}'; this check runs only 'tsc -p <tsconfig>' (or 'tsc --noEmit -p <tsconfig>'). Write it so, or teach scripts/typecheck/typecheck-workspaces.ts the new form.`);
  // `tsc -p <folder>` reads the folder's tsconfig.json.
  const named = path.join(workspace, config);
  return ts.sys.directoryExists(path.join(root, named)) ? path.join(named, "tsconfig.json") : named;
}

/**
 * A compiler host whose declaration files come from `shared`: the first program that reads
 * one parses it, the next ones reuse it (TypeScript's language service shares them the same
 * way between programs). Files of the workspace's own (`.ts`) are parsed per program.
 */
function sharingHost(options: ts.CompilerOptions, shared: Map<string, ts.SourceFile | undefined>): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (!fileName.endsWith(".d.ts") || shouldCreateNewSourceFile) return parse(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const key = `${fileName}\0${JSON.stringify(languageVersionOrOptions)}`;
    if (!shared.has(key)) shared.set(key, parse(fileName, languageVersionOrOptions, onError));
    return shared.get(key);
  };
  return host;
}

/** What `tsc --noEmit -p <config>` reports: the config's own problems, then the program's. */
function check(configPath: string, shared: Map<string, ts.SourceFile | undefined>): readonly ts.Diagnostic[] {
  const configProblems: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, { noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => configProblems.push(diagnostic),
  });
  if (!parsed) return configProblems;
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: parsed.errors,
    host: sharingHost(parsed.options, shared),
  });
  return [...configProblems, ...tscDiagnostics(program)];
}

/** What `tsc --noEmit` asks of a program, in its order (emitFilesAndReportErrors in TypeScript's sources). */
function tscDiagnostics(program: ts.Program): readonly ts.Diagnostic[] {
  const diagnostics = [...program.getConfigFileParsingDiagnostics()];
  const fromConfig = diagnostics.length;
  diagnostics.push(...program.getSyntacticDiagnostics());
  if (diagnostics.length > fromConfig) return diagnostics;
  diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
  if (diagnostics.length > fromConfig) return diagnostics;
  diagnostics.push(...program.getSemanticDiagnostics());
  // Declarations on (tsconfig.base.json) and nothing emitted: tsc reports what declaration emit would refuse.
  const { declaration, composite } = program.getCompilerOptions();
  if (diagnostics.length === fromConfig && (declaration || composite)) diagnostics.push(...program.getDeclarationDiagnostics());
  return diagnostics;
}

/** Type-checks every workspace that has a `typecheck` script, in the root package.json's order. */
export async function typecheckWorkspaces(root: string): Promise<WorkspaceCheck[]> {
  // Every script read first: one that cannot be understood fails before any check runs.
  const configs: { workspace: string; config: string }[] = [];
  for (const workspace of await workspaceFolders(root)) {
    const config = await typecheckConfig(root, workspace);
    if (config !== undefined) configs.push({ workspace, config });
  }
  const shared = new Map<string, ts.SourceFile | undefined>();
  return configs.map(({ workspace, config }) => ({ workspace, config, diagnostics: check(path.resolve(root, config), shared) }));
}

/** tsc's own rendering: with colours and the code in context on a terminal, one line each otherwise. */
export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], root: string, pretty: boolean): string {
  const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (file) => file, getCurrentDirectory: () => root, getNewLine: () => "\n" };
  return pretty ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host) : ts.formatDiagnostics(diagnostics, host);
}
