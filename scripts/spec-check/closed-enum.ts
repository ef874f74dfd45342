/**
 * A constraint added to a value the client sends breaks the callers whose values it now
 * refuses. When the old schema was a closed enum, those values are all known: if every
 * one still validates against the new schema, no call that was accepted is refused,
 * whatever Redocly's rule says of the constraint taken alone. (The `Api-Version` enum
 * opened to any date, with a `pattern` and `format: date`, still accepts the old dates.)
 */
import type { Direction } from "./breaking-reasons.ts";
import { at, deref } from "./document.ts";
import type { Documents } from "./locate.ts";
import type { RedoclyChange } from "./redocly-diff.ts";
import { schemaValidator } from "./validator.ts";

/** Redocly's rules that a closed enum's values can answer: they rate what the new schema refuses. */
const ANSWERABLE = ["schema-constraint-changed", "schema-type-changed"];

/** The old enum's values, when every Redocly rule that rated the change is answered by them all still validating; else undefined. */
export function oldEnumStillValid(change: RedoclyChange, documents: Documents, direction: Direction, rules: string[]): unknown[] | undefined {
  if (direction !== "request" || rules.length === 0 || !rules.every((rule) => ANSWERABLE.includes(rule))) return undefined;
  const before = deref(documents.base, at(documents.base, change.path));
  const after = deref(documents.revision, at(documents.revision, change.path));
  if (!Array.isArray(before?.enum) || !after || typeof after !== "object") return undefined;
  const validate = schemaValidator(documents.revision).compile(after);
  return before.enum.every((value: unknown) => validate(value)) ? before.enum : undefined;
}
