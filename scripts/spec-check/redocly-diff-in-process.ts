/**
 * Redocly's `diff` command, run in this process: the command's own handler, fed the
 * configuration the command line would load, writing the same JSON report. Starting
 * Redocly costs about 0.4 s of CPU a run; loaded once, a diff of two bundles costs a
 * small part of that (the gate's tests compare some 30 pairs).
 *
 * @redocly/cli publishes no API for `diff`: the handler and the configuration loader live
 * in its compiled chunks, under names its build picks. So the root package.json pins
 * @redocly/cli to the exact version below, and this module refuses any other version
 * with a message saying what to update, instead of calling whatever the names became.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SpecCheckError } from "./errors.ts";
import { diffConfig, toolsRoot } from "./tools.ts";

/** The version whose chunks the names below come from. */
const pinnedVersion = "2.77.0";
const installedCli = path.join(toolsRoot, "node_modules/@redocly/cli/");
/** How to find them again: `grep -l 'as handleDiff}' lib/chunks/*.js`, and in lib/index.js the `Kn({configPath` call's import. */
const internals = {
  /** The `diff` command's handler: `handleDiff({ argv, config })`. */
  diffHandler: { chunk: "lib/chunks/HPXIL34S.js", name: "handleDiff" },
  /** openapi-core's `loadConfig({ configPath })`, as the command line calls it. */
  loadConfig: { chunk: "lib/chunks/KSRBMNUH.js", name: "ya" },
  /** openapi-core's logger: the handler writes its notices through it. */
  logger: { chunk: "lib/chunks/KSRBMNUH.js", name: "oa" },
} as const;

interface Logger {
  info(text: string): unknown;
  warn(text: string): unknown;
  error(text: string): unknown;
  output(text: string): unknown;
}

export interface Redocly {
  diff(argv: Record<string, unknown>): Promise<void>;
  /** What the handler wrote through the logger during the current run. */
  notices: string[];
}

let loading: Promise<Redocly> | undefined;

function moved(why: string): SpecCheckError {
  return new SpecCheckError(
    `spec-check runs Redocly's diff in its own process through @redocly/cli ${pinnedVersion}'s compiled chunks, and ${why}. ` +
      `Pin "@redocly/cli": "${pinnedVersion}" in the root package.json, or update the chunk and export names in scripts/spec-check/redocly-diff-in-process.ts for the installed version.`,
  );
}

/** Loads the handler from the @redocly/cli installed in `cliDir` (a test points it elsewhere). */
export async function loadRedoclyDiff(cliDir = installedCli): Promise<Redocly> {
  const { version } = JSON.parse(await readFile(path.join(cliDir, "package.json"), "utf8"));
  if (version !== pinnedVersion) throw moved(`the installed @redocly/cli is ${version}`);
  const exported = async ({ chunk, name }: { chunk: string; name: string }) => {
    const module = await import(pathToFileURL(path.join(cliDir, chunk)).href).catch(() => undefined);
    if (!module?.[name]) throw moved(`${chunk} exports no ${name}`);
    return module[name];
  };
  // One after the other, so that a version that moved is always reported by its first name.
  const handleDiff = await exported(internals.diffHandler);
  const loadConfig = await exported(internals.loadConfig);
  const logger = await exported(internals.logger);
  if (typeof handleDiff !== "function" || typeof loadConfig !== "function" || typeof logger?.info !== "function")
    throw moved("its exports are not the handler, loader and logger they were");
  // The handler reports through the logger what the command prints on stderr: kept, not
  // printed, so a failed run can say why.
  const notices: string[] = [];
  const keep = (text: string) => {
    notices.push(text);
    return true;
  };
  Object.assign(logger as Logger, { info: keep, warn: keep, error: keep, output: keep });
  const config = await loadConfig({ configPath: diffConfig });
  return { diff: (argv) => handleDiff({ argv, config }), notices };
}

/**
 * `redocly diff <base> <revision> --config redocly-diff.yaml --format json --fail-on none
 * --output <report>`, in this process.
 */
export async function diffInProcess(base: string, revision: string, report: string): Promise<{ ok: true } | { ok: false; why: string }> {
  const redocly = await (loading ??= loadRedoclyDiff());
  try {
    await redocly.diff({ base, revision, format: "json", output: report, "fail-on": "none", "check-version": false });
    return { ok: true };
  } catch (error) {
    return { ok: false, why: `${(error as Error).message}\n${redocly.notices.join("")}`.trim() };
  } finally {
    // A run that passed said nothing its report does not ("Diff report written to ...").
    redocly.notices.length = 0;
  }
}
