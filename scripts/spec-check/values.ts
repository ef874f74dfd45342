/**
 * How the report shows a value that changed: short values whole (`old` → `new`), long or
 * multi-line ones by the part that differs, with a little context, so that a reviewer
 * always sees what the value was and what it becomes.
 */

/** Values up to this length are shown whole. A URL or a regular expression fits. */
const WHOLE = 120;
/** Characters of unchanged text kept on each side of the part that differs. */
const CONTEXT = 24;
/** The longest fragment shown for one side of a long edit. */
const FRAGMENT = 160;

/** Markdown inline code that survives a backtick in the text. */
export function code(text: string): string {
  if (!text.includes("`")) return "`" + text + "`";
  return "`` " + text + " ``";
}

function asText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** One line: newlines become `⏎`, so a table cell keeps its row. */
const oneLine = (text: string) => text.replace(/\r?\n/g, "⏎");

function commonPrefix(a: string, b: string): number {
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return index;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  let length = 0;
  while (length < a.length - prefix && length < b.length - prefix && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return length;
}

function cut(text: string): string {
  return text.length > FRAGMENT ? text.slice(0, FRAGMENT) + "…" : text;
}

/** How far past `CONTEXT` a cut may move to fall between words. */
const WORD = 16;

/** The part of each side that differs, with about `CONTEXT` characters around it, cut between words, and `…` where text was left out. */
export function differingParts(before: string, after: string): [string, string] {
  const prefix = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, prefix);
  let start = Math.max(0, prefix - CONTEXT);
  while (start > 0 && start > prefix - CONTEXT - WORD && !/\s/.test(before[start - 1]!)) start--;
  const fragment = (text: string) => {
    let end = Math.min(text.length, text.length - suffix + CONTEXT);
    while (end < text.length && end < text.length - suffix + CONTEXT + WORD && !/\s/.test(text[end]!)) end++;
    return (start > 0 ? "…" : "") + cut(oneLine(text.slice(start, end))) + (end < text.length ? "…" : "");
  };
  return [fragment(before), fragment(after)];
}

/** Whether two values of a document are equal, deeply (as JSON). */
export const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `old → new` for a changed value: an enum by the values it gains and loses, a long text by the part that differs. */
export function valueChange(before: unknown, after: unknown): string {
  if (Array.isArray(before) && Array.isArray(after)) {
    const removed = before.filter((value) => !after.some((other) => asText(other) === asText(value))).map((value) => `−${code(asText(value))}`);
    const added = after.filter((value) => !before.some((other) => asText(other) === asText(value))).map((value) => `+${code(asText(value))}`);
    return [...removed, ...added].join(" ") || "reordered";
  }
  if (before === undefined) return `nothing → ${shown(after)}`;
  if (after === undefined) return `${shown(before)} → nothing`;
  const [from, to] = [asText(before), asText(after)];
  if (from.length <= WHOLE && to.length <= WHOLE && !from.includes("\n") && !to.includes("\n")) return `${code(from)} → ${code(to)}`;
  const [oldPart, newPart] = differingParts(from, to);
  return `${code(oldPart)} → ${code(newPart)}`;
}

/** A value on its own, whole when short, else its start. */
export function shown(value: unknown): string {
  const text = oneLine(asText(value));
  return code(text.length > WHOLE ? text.slice(0, WHOLE) + "…" : text);
}
