/**
 * One fact, one break. The upload part's `encoding.contentType` lists the values of the
 * `FileContentType` enum (a spec test keeps them equal), so dropping a content type edits
 * both: Redocly reports two changes, and each is breaking on its own (the part refuses
 * the type; the enum's generated union loses the literal). When a request part stops
 * accepting exactly the values an enum lost, the report shows them as one breaking
 * change that says both moved, with both rules and both reasons.
 */
import { ENCODING_CONTENT_TYPE_NARROWED, RESPONSE_ENUM_NARROWED } from "./breaking-reasons.ts";
import type { Change } from "./classify.ts";
import { removedEnumValues } from "./project-rules.ts";
import type { RedoclyChange } from "./redocly-diff.ts";
import { code } from "./values.ts";

/** A classified change, with what it takes away: the media types a part no longer accepts, or the values an enum lost. */
export interface Rated {
  change: RedoclyChange;
  row: Change;
  noLongerAccepted: string[];
}

const ENUM_NARROWED = ["enum-values-removed", RESPONSE_ENUM_NARROWED];
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((value) => b.includes(value));

function lostByEnum(rated: Rated): string[] {
  if (!rated.row.breaking || !rated.row.rules.some((rule) => ENUM_NARROWED.includes(rule))) return [];
  return removedEnumValues(rated.change).filter((value): value is string => typeof value === "string").map((value) => value.toLowerCase());
}

/** The first sentence of a reason, to follow another: "The generated union loses the value: …." -> "the generated union loses the value: …." */
function asClause(reason: string | undefined): string {
  const first = (reason ?? "").split(/(?<=\.) /)[0] ?? "";
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function merged(part: Change, enumRow: Change, values: string[]): Change {
  const where = enumRow.area === "schema" ? `schema ${code(enumRow.subject)}` : `${enumRow.area} ${enumRow.subject}`;
  return {
    ...part,
    detail: `${part.detail}; and ${where}: ${enumRow.detail}`,
    operations: [...new Set([...part.operations, ...enumRow.operations])],
    beta: part.beta && enumRow.beta,
    rules: [...part.rules, ...enumRow.rules],
    finding:
      `${part.finding ?? ""} The enum of ${where} lost ${values.map(code).join(", ")} too: the part's list and the enum moved together, ` +
      "one change counted once.",
    why: `${part.why ?? ""} And ${asClause(enumRow.why)}`,
  };
}

/** The rows, with each part that stopped accepting exactly what an enum lost folded together with that enum's row. */
export function foldSameFacts(rated: Rated[]): Change[] {
  const folded = new Set<Rated>();
  const rows = new Map<Rated, Change>();
  for (const part of rated) {
    if (!part.row.rules.includes(ENCODING_CONTENT_TYPE_NARROWED) || part.noLongerAccepted.length === 0) continue;
    const enumSide = rated.find((other) => other !== part && !folded.has(other) && sameSet(lostByEnum(other), part.noLongerAccepted));
    if (!enumSide) continue;
    folded.add(enumSide);
    rows.set(part, merged(part.row, enumSide.row, part.noLongerAccepted));
  }
  return rated.filter((entry) => !folded.has(entry)).map((entry) => rows.get(entry) ?? entry.row);
}
