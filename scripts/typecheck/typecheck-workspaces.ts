/**
 * Every workspace's own `typecheck` script (`tsc -p <config>`), run in one process instead
 * of one `tsc` each (`npm test` runs it through cli.ts). The programs share the declaration
 * files they all read (TypeScript's lib, @types/node, vitest's and the workspaces' own
 * types), parsed once instead of once per workspace: that was half of the CPU of seven
 * `tsc`s. Workspaces checked alike are checked in one program (`mergeable`): some 15 %
 * of what was left. Each workspace keeps its tsconfig and its options, so
 * `npm run typecheck -w <workspace>` checks the same files the same way.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ts, type TypeScript } from "../../packages/types/scripts/typescript-compiler.ts";

export interface WorkspaceCheck {
  /** The workspace's folder, relative to the repository root. */
  workspace: string;
  /** The tsconfig its `typecheck` script names. */
  config: string;
  diagnostics: readonly TypeScript.Diagnostic[];
}

/** What `tsc -p <config>` and `tsc --noEmit -p <config>` check; nothing else is understood. */
const TSC_SCRIPT = /^tsc(?: --noEmit)? -p (\S+)$/;

/** The root package.json's workspace folders (`packages/*` is every folder in packages/), in order. */
export async function workspaceFolders(root: string): Promise<string[]> {
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

/** A workspace's npm scripts (none when it has no package.json). */
export async function workspaceScripts(root: string, workspace: string): Promise<Record<string, string>> {
  const manifest = JSON.parse(await readFile(path.join(root, workspace, "package.json"), "utf8").catch(() => "{}")) as { scripts?: Record<string, string> };
  return manifest.scripts ?? {};
}

/** The tsconfig named by a workspace's `typecheck` script, or undefined when it has none. */
export async function typecheckConfig(root: string, workspace: string): Promise<string | undefined> {
  const script = (await workspaceScripts(root, workspace)).typecheck;
  if (script === undefined) return undefined;
  const config = TSC_SCRIPT.exec(script)?.[1];
  if (config === undefined)
    throw new Error(`${workspace}/package.json: its typecheck script is '${script}'; this check runs only 'tsc -p <tsconfig>' (or 'tsc --noEmit -p <tsconfig>'). Write it so, or teach scripts/typecheck/typecheck-workspaces.ts the new form.`);
  // `tsc -p <folder>` reads the folder's tsconfig.json.
  const named = path.join(workspace, config);
  return ts.sys.directoryExists(path.join(root, named)) ? path.join(named, "tsconfig.json") : named;
}

/** Declaration files: `.d.ts`, and the `.d.mts`/`.d.cts` of packages that ship ES modules. */
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/**
 * A compiler host whose source files come from `shared`: the first program that reads one
 * parses it, the next ones reuse it (TypeScript's language service shares them the same
 * way between programs). Declaration files are shared between every program; the
 * workspace's own files only between programs of the same checking options (`group`).
 */
function sharingHost(options: TypeScript.CompilerOptions, group: string, shared: Map<string, TypeScript.SourceFile | undefined>): TypeScript.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (shouldCreateNewSourceFile) return parse(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const key = `${DECLARATION_FILE.test(fileName) ? "" : group}\0${fileName}\0${JSON.stringify(languageVersionOrOptions)}`;
    if (!shared.has(key)) shared.set(key, parse(fileName, languageVersionOrOptions, onError));
    return shared.get(key);
  };
  return host;
}

/** A workspace's program as `tsc --noEmit -p <config>` builds it, not checked yet. */
interface WorkspaceProgram {
  workspace: string;
  config: string;
  /** The config's own problems (tsc reports them first). */
  configProblems: TypeScript.Diagnostic[];
  program?: TypeScript.Program;
  /** The options that decide how its files are checked, as a key: equal keys, equal checks. */
  checking?: string;
}

/**
 * Where emitted files would go and which file the options came from: programs that differ
 * only in these check every file alike (`rootDir` also bounds where a workspace's files may
 * be: see `withinRootDir`).
 */
export const EMIT_PLACEMENT = new Set(["configFilePath", "rootDir", "outDir", "declarationDir", "tsBuildInfoFile"]);

function checkingKey(options: TypeScript.CompilerOptions): string {
  return JSON.stringify(Object.entries(options).filter(([name]) => !EMIT_PLACEMENT.has(name)).sort(([a], [b]) => a.localeCompare(b)));
}

function createWorkspaceProgram(root: string, workspace: string, config: string, shared: Map<string, TypeScript.SourceFile | undefined>): WorkspaceProgram {
  const configProblems: TypeScript.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(path.resolve(root, config), { noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => configProblems.push(diagnostic),
  });
  if (!parsed) return { workspace, config, configProblems };
  const checking = checkingKey(parsed.options);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: parsed.errors,
    host: sharingHost(parsed.options, checking, shared),
  });
  return { workspace, config, configProblems, program, checking };
}

/** The modules a file augments (`declare module "m"`), and `global` for `declare global`. */
function augmentations(file: TypeScript.SourceFile): readonly (TypeScript.StringLiteral | TypeScript.Identifier)[] {
  return (file as TypeScript.SourceFile & { moduleAugmentations?: readonly (TypeScript.StringLiteral | TypeScript.Identifier)[] }).moduleAugmentations ?? [];
}

/**
 * Whether `file`, which `program` does not hold, would change what the program's files
 * see if it were added: a script (no import or export) or a `declare global` changes the
 * globals; a `declare module "m"` changes `m`, when the program holds it.
 */
function wouldChange(program: TypeScript.Program, file: TypeScript.SourceFile): boolean {
  if (!ts.isExternalModule(file)) return true;
  return augmentations(file).some((name) => {
    if (ts.isIdentifier(name)) return true;
    const augmented = ts.resolveModuleName(name.text, file.fileName, program.getCompilerOptions(), ts.sys).resolvedModule;
    return augmented === undefined || program.getSourceFile(augmented.resolvedFileName) !== undefined;
  });
}

/**
 * Whether every file the program would emit is under its `rootDir` (tsc's TS6059 otherwise,
 * which a program of several workspaces, without their `rootDir`s, cannot report: such a
 * workspace is checked alone). A file tsc would not emit (a declaration file, a library's)
 * is not held to it.
 */
function withinRootDir(program: TypeScript.Program): boolean {
  const { rootDir } = program.getCompilerOptions();
  if (rootDir === undefined) return true;
  const inside = path.resolve(rootDir) + path.sep;
  return program
    .getSourceFiles()
    .every((file) => file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file) || path.resolve(file.fileName).startsWith(inside));
}

/**
 * Whether programs of the same checking options (each within its `rootDir`) can be checked
 * as one: no file of one of them would change what another's files see (a global
 * declaration, the augmentation of a module the other reads). A program of all their files
 * then checks each file as its workspace's own program does, each file once, and the types
 * of the libraries they share once, where a program each checked them once a workspace.
 */
function mergeable(members: readonly WorkspaceProgram[]): boolean {
  const programs = members.map(({ program }) => program!);
  const declaring = new Map<string, TypeScript.SourceFile>();
  for (const program of programs)
    for (const file of program.getSourceFiles()) if (!ts.isExternalModule(file) || augmentations(file).length > 0) declaring.set(file.fileName, file);
  return programs.every((program) => [...declaring.values()].every((file) => program.getSourceFile(file.fileName) !== undefined || !wouldChange(program, file)));
}

type Diagnostics = readonly TypeScript.Diagnostic[];

/**
 * What `tsc --noEmit` reports, in its order (emitFilesAndReportErrors in TypeScript's
 * sources): each step only when the steps before it found nothing.
 */
function inTscOrder(config: Diagnostics, syntactic: () => Diagnostics, optionsAndGlobal: () => Diagnostics, semantic: () => Diagnostics, declaration: () => Diagnostics): Diagnostics {
  const diagnostics = [...config];
  const fromConfig = diagnostics.length;
  diagnostics.push(...syntactic());
  if (diagnostics.length > fromConfig) return diagnostics;
  diagnostics.push(...optionsAndGlobal());
  if (diagnostics.length > fromConfig) return diagnostics;
  diagnostics.push(...semantic());
  if (diagnostics.length === fromConfig) diagnostics.push(...declaration());
  return diagnostics;
}

/** Declarations on (tsconfig.base.json) and nothing emitted: tsc reports what declaration emit would refuse. */
function declarationsOn(program: TypeScript.Program): boolean {
  const { declaration, composite } = program.getCompilerOptions();
  return Boolean(declaration || composite);
}

/** What `tsc --noEmit -p <config>` reports for one workspace: the config's own problems, then the program's. */
function checkAlone({ configProblems, program }: WorkspaceProgram): Diagnostics {
  if (!program) return configProblems;
  return [
    ...configProblems,
    ...inTscOrder(
      program.getConfigFileParsingDiagnostics(),
      () => program.getSyntacticDiagnostics(),
      () => [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()],
      () => program.getSemanticDiagnostics(),
      () => (declarationsOn(program) ? program.getDeclarationDiagnostics() : []),
    ),
  ];
}

/**
 * What `tsc --noEmit -p <config>` reports for each of `members`, their files checked in one
 * program (TypeScript keeps each file's diagnostics, so each is computed once). A file's
 * problems go to each workspace whose own program holds the file, as its tsc would report
 * them; the options' problems come from the workspace's own program, built but never
 * checked.
 */
function checkTogether(members: readonly WorkspaceProgram[], shared: Map<string, TypeScript.SourceFile | undefined>): Diagnostics[] {
  const options = Object.fromEntries(Object.entries(members[0]!.program!.getCompilerOptions()).filter(([name]) => !EMIT_PLACEMENT.has(name)));
  const together = ts.createProgram({
    rootNames: [...new Set(members.flatMap(({ program }) => program!.getRootFileNames()))],
    options,
    host: sharingHost(options, members[0]!.checking!, shared),
  });
  return members.map(({ configProblems, program }) => {
    const own = program!;
    const ownFile = ({ file }: TypeScript.Diagnostic) => file === undefined || own.getSourceFile(file.fileName) !== undefined;
    return [
      ...configProblems,
      ...inTscOrder(
        own.getConfigFileParsingDiagnostics(),
        () => together.getSyntacticDiagnostics().filter(ownFile),
        () => [...own.getOptionsDiagnostics(), ...together.getGlobalDiagnostics()],
        () => together.getSemanticDiagnostics().filter(ownFile),
        () => (declarationsOn(own) ? together.getDeclarationDiagnostics().filter(ownFile) : []),
      ),
    ];
  });
}

/**
 * Type-checks every workspace that has a `typecheck` script, in the root package.json's
 * order: the workspaces that can be checked together (the same checking options, each
 * within its `rootDir`, `mergeable`) in one program, the others alone.
 */
export async function typecheckWorkspaces(root: string): Promise<WorkspaceCheck[]> {
  // Every script read first: one that cannot be understood fails before any check runs.
  const configs: { workspace: string; config: string }[] = [];
  for (const workspace of await workspaceFolders(root)) {
    const config = await typecheckConfig(root, workspace);
    if (config !== undefined) configs.push({ workspace, config });
  }
  const shared = new Map<string, TypeScript.SourceFile | undefined>();
  const programs = configs.map(({ workspace, config }) => createWorkspaceProgram(root, workspace, config, shared));
  const diagnostics = new Map<WorkspaceProgram, readonly TypeScript.Diagnostic[]>();
  const groups = new Map<string, WorkspaceProgram[]>();
  for (const built of programs) if (built.checking !== undefined) groups.set(built.checking, [...(groups.get(built.checking) ?? []), built]);
  for (const members of groups.values()) {
    const together = members.filter(({ program }) => withinRootDir(program!));
    if (together.length > 1 && mergeable(together)) checkTogether(together, shared).forEach((found, index) => diagnostics.set(together[index]!, found));
    for (const member of members) if (!diagnostics.has(member)) diagnostics.set(member, checkAlone(member));
  }
  return programs.map((checked) => ({ workspace: checked.workspace, config: checked.config, diagnostics: diagnostics.get(checked) ?? checkAlone(checked) }));
}

/** tsc's own rendering: with colours and the code in context on a terminal, one line each otherwise. */
export function formatDiagnostics(diagnostics: readonly TypeScript.Diagnostic[], root: string, pretty: boolean): string {
  const host: TypeScript.FormatDiagnosticsHost = { getCanonicalFileName: (file) => file, getCurrentDirectory: () => root, getNewLine: () => "\n" };
  return pretty ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host) : ts.formatDiagnostics(diagnostics, host);
}
