/** Renders a check's result as Markdown, fit for a pull-request comment. */
import type { CheckResult } from "./check.ts";
import type { Area, Change } from "./classify.ts";
import { CLIENT_PACKAGE, type PolicyResult } from "./policy.ts";
import type { TypeChange } from "./type-changes.ts";
import { code } from "./values.ts";

const AREAS: Array<[Area, string]> = [
  ["operation", "Operations"],
  ["parameter", "Parameters"],
  ["request body", "Request bodies"],
  ["response", "Responses"],
  ["schema", "Schemas"],
  ["security", "Security"],
  ["document", "Document and other components"],
];
/** The longest types diff shown inline; the rest is one `npm run generate` away. */
const MAX_DIFF_LINES = 120;
/** A union of every content type is one long line: cut it, the literal summary says what changed. */
const MAX_LINE_LENGTH = 160;
/** The most types listed with their changes; the declarations diff shows the rest. */
const MAX_TYPES = 30;

const mark = (ok: boolean) => (ok ? "✅" : "❌");
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function summaryTable(result: CheckResult): string[] {
  const { lint, examples, drift, policy } = result;
  return [
    "| Check | Result |",
    "| --- | --- |",
    `| Lint (Redocly, \`redocly.yaml\`) | ${mark(lint.ok)} ${lint.ok ? "no problem" : plural(lint.problems.length, "problem")} |`,
    `| Examples (Ajv) | ${mark(examples.ok)} ${examples.ok ? `${examples.checked} examples valid` : `${plural(examples.failures.length, "example")} invalid`} |`,
    `| Generated types committed | ${mark(drift.ok)} ${drift.ok ? "up to date with the spec" : "differ from what the spec generates"} |`,
    `| Breaking changes | ${mark(policy.breaking.ok)} ${cell(policy.breaking.summary)} |`,
    `| Changeset | ${mark(policy.changeset.ok)} ${cell(policy.changeset.summary)} |`,
  ];
}

function fixes(result: CheckResult): string[] {
  const lines: string[] = [];
  if (!result.lint.ok) lines.push("- **Lint**: fix the problems listed below; `npm run lint` shows them with their context.");
  if (!result.examples.ok) lines.push("- **Examples**: make the examples listed below match their schemas.");
  if (!result.drift.ok) lines.push(`- **Generated types**: ${result.drift.message.replace(/\n/g, " ")}`);
  if (result.policy.breaking.fix) lines.push(`- **Breaking changes**: ${result.policy.breaking.fix} See CONTRIBUTING.md, "Breaking changes".`);
  if (result.policy.changeset.fix) lines.push(`- **Changeset**: ${result.policy.changeset.fix}`);
  return lines.length === 0 ? [] : ["", "### To fix", "", ...lines];
}

/** The beta note of a breaking change: what the beta terms allow, and whether the break is acknowledged yet. */
function betaNote(policy: PolicyResult): string {
  const terms = "   - Beta: every operation it affects is beta (`x-lucca-beta`). Lucca's beta terms allow breaking changes without notice, so the API may well do this; clients still break, ";
  const allowedBy = policy.allowedBy;
  if (allowedBy && "changeset" in allowedBy) return terms + `and \`${allowedBy.changeset}\` acknowledges it (${CLIENT_PACKAGE}: major).`;
  if (allowedBy) return terms + `and the new Api-Version ${allowedBy.apiVersions.join(", ")} covers it.`;
  return terms + "so the change must still be acknowledged.";
}

function breakingList(changes: Change[], policy: PolicyResult): string[] {
  const breaking = changes.filter((change) => change.breaking);
  if (breaking.length === 0) return [];
  const lines = ["", "### Breaking changes", ""];
  breaking.forEach((change, index) => {
    const used = change.operations.length > 0 ? ` (${change.operations.map((o) => `\`${o}\``).join(", ")})` : "";
    lines.push(`${index + 1}. **${change.area} ${change.subject} ${change.kind}**${change.detail ? `: ${change.detail}` : ""}${used}`);
    if (change.finding) lines.push(`   - Found: ${change.finding}`);
    lines.push(`   - Why it breaks a client: ${change.why}`);
    lines.push(`   - Rule: ${change.rules.map((rule) => `\`${rule}\``).join(", ")}`);
    if (change.beta) lines.push(betaNote(policy));
  });
  return lines;
}

function changeTables(changes: Change[]): string[] {
  if (changes.length === 0) return ["", "### Changes", "", "No change to the API description."];
  const lines = ["", "### Changes"];
  for (const [area, title] of AREAS) {
    const rows = changes.filter((change) => change.area === area);
    if (rows.length === 0) continue;
    lines.push("", `#### ${title}`, "", "| Change | What | Operations | Detail | Breaks clients |", "| --- | --- | --- | --- | --- |");
    for (const change of rows)
      lines.push(
        `| ${change.kind} | ${cell(change.subject)} | ${cell(change.operations.join(", "))} | ${cell(change.detail)} | ${change.breaking ? "**yes**" : "no"} |`,
      );
  }
  return lines;
}

/** The types a change touches, one line each, with what changed for their users; the longest lists are cut, the diff below has the rest. */
function typeChangeLines(changes: TypeChange[]): string[] {
  const byType = new Map<string, string[]>();
  for (const { type, change } of changes) byType.set(type, [...(byType.get(type) ?? []), change]);
  const lines = [...byType].map(([type, what]) => `  - ${code(type)}: ${what.join("; ")}`);
  const shown = lines.slice(0, MAX_TYPES);
  if (lines.length > shown.length) shown.push(`  - … ${lines.length - shown.length} more types: see the declarations diff.`);
  return shown;
}

function typesSection(result: CheckResult): string[] {
  const { files } = result.typesDiff;
  const lines = ["", "### Effect on the generated types", ""];
  if (files.length === 0) return [...lines, "None: `packages/types/src/generated/` stays as it is."];
  for (const file of files) {
    if (file.effect !== "declarations") {
      lines.push(`- \`${file.file}\`: ${file.effect === "comments" ? "doc comments only" : "the order of object members only, which is not a change"}`);
      continue;
    }
    lines.push(`- \`${file.file}\`: +${file.added} −${file.removed} lines of declarations`, ...typeChangeLines(file.changes));
  }
  const patch = files.filter((file) => file.patch).map((file) => `// ${file.file}\n${file.patch}`).join("\n");
  if (patch) {
    const patchLines = patch.split("\n").map((line) => (line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) + " …" : line));
    const shown = patchLines.slice(0, MAX_DIFF_LINES);
    if (patchLines.length > shown.length) shown.push(`… ${patchLines.length - shown.length} more lines: run \`npm run generate\` and \`git diff\`.`);
    lines.push("", "<details><summary>Declarations diff (doc comments left out but <code>@default</code>, object members in name order)</summary>", "", "```diff", ...shown, "```", "", "</details>");
  }
  return lines;
}

function problems(result: CheckResult): string[] {
  const lines: string[] = [];
  if (result.lint.problems.length > 0) {
    lines.push("", "### Lint problems", "");
    for (const problem of result.lint.problems) lines.push(`- ${problem.severity} \`${problem.ruleId}\`: ${problem.message} (at \`${problem.where}\`)`);
  }
  if (result.examples.failures.length > 0) {
    lines.push("", "### Invalid examples", "");
    for (const failure of result.examples.failures) lines.push(`- ${failure}`);
  }
  return lines;
}

export function renderReport(result: CheckResult): string {
  const { base } = result;
  const at = base.mergeBase === base.commit ? `\`${base.mergeBase.slice(0, 12)}\`` : `its merge base \`${base.mergeBase.slice(0, 12)}\``;
  return [
    `## Spec check: ${result.ok ? "✅ passed" : "❌ failed"}`,
    "",
    `The spec in the working tree, compared with \`${base.ref}\` at ${at}.`,
    ...(result.policy.newApiVersions.length > 0 ? ["", `New Api-Version: ${result.policy.newApiVersions.map((v) => `\`${v}\``).join(", ")}.`] : []),
    "",
    ...summaryTable(result),
    ...fixes(result),
    ...breakingList(result.changes, result.policy),
    ...changeTables(result.changes),
    ...typesSection(result),
    ...problems(result),
    "",
  ].join("\n");
}
