/**
 * What was found, in one sentence for the report's "Found:" line. Redocly's own message
 * where it is right; where it misleads, a sentence written from the change itself:
 * a type that is neither wider nor narrower is "changed" (Redocly says a response type
 * "widened" whenever it gains a type, `string` → `integer` included), a security
 * requirement removed names its scopes (Redocly names only the scheme), and the
 * project's own rules, which Redocly does not rate, say what they saw.
 */
import {
  COMPONENT_RENAMED,
  DEFAULT_CHANGED,
  LIMIT_LOWERED,
  RESPONSE_ENUM_NARROWED,
  RESPONSE_HEADER_OPTIONAL,
  COMPONENT_REMOVED,
  SECURITY_URL_MOVED,
  SERVER_VARIABLE_NARROWED,
} from "./breaking-reasons.ts";
import { removedEnumValues } from "./project-rules.ts";
import type { RedoclyChange } from "./redocly-diff.ts";
import { code, shown, valueChange } from "./values.ts";

const list = (values: unknown[]) => values.map((value) => code(String(value))).join(", ");
const typesOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

/** `widened` when the new types include the old ones, `narrowed` when the old include the new, else `changed`. */
function typeChangeVerb(before: unknown, after: unknown): string {
  const [old, now] = [typesOf(before), typesOf(after)];
  // No `type` is any type.
  if (old.length === 0 || now.length === 0) return now.length === 0 ? "widened" : "narrowed";
  const gains = now.some((type) => !old.includes(type) && !(type === "number" && old.includes("integer")));
  const loses = old.some((type) => !now.includes(type) && !(type === "integer" && now.includes("number")));
  return gains && !loses ? "widened" : loses && !gains ? "narrowed" : "changed";
}

/** Scopes as `` `a`, `b` ``, with the right noun. */
function scopes(values: unknown[]): string {
  return `scope${values.length === 1 ? "" : "s"} ${list(values)}`;
}

/** A removed security requirement (`{oauth2: [files.readwrite]}`), by its schemes and scopes. */
function requirementRemoved(requirement: Record<string, unknown[]>): string {
  const parts = Object.entries(requirement).map(([scheme, granted]) => (granted.length > 0 ? `${code(scheme)} with ${scopes(granted)}` : code(scheme)));
  const granted = Object.values(requirement).flat();
  return (
    `The security requirement ${parts.join(" + ")} is no longer accepted` +
    (granted.length > 0 ? `: a token that carries only ${granted.length === 1 ? "that scope" : "those scopes"} is refused.` : ".")
  );
}

function requirementScopesChanged(scheme: string, before: unknown[], after: unknown[]): string {
  const lost = before.filter((scope) => !after.includes(scope));
  const gained = after.filter((scope) => !before.includes(scope));
  const clauses = [
    ...(lost.length > 0 ? [`no longer accepts ${scopes(lost)}`] : []),
    ...(gained.length > 0 ? [`now requires ${scopes(gained)}`] : []),
  ];
  return `The security requirement ${code(scheme)} ${clauses.join(", and ")}.`;
}

function fromRedocly(change: RedoclyChange, ruleId: string, message: string): string {
  const [before, after] = [change.base?.value, change.revision?.value];
  if (ruleId === "schema-type-changed" && change.property === "type")
    return message.replace(/ (widened|narrowed) from /, ` ${typeChangeVerb(before, after)} from `);
  if (ruleId === "security-requirement-changed") {
    if (change.kind === "removed" && before && typeof before === "object" && !Array.isArray(before)) return requirementRemoved(before as Record<string, unknown[]>);
    if (change.kind === "modified" && Array.isArray(before) && Array.isArray(after) && change.property)
      return requirementScopesChanged(change.property, before, after);
  }
  return message;
}

/** Where the change is, by its last names: `tld`, `disposition`, `ETag`. */
const named = (tokens: string[]) => tokens.filter((token) => !/^\d+$/.test(token) && token !== "schema").at(-1) ?? "the value";

function fromProjectRule(change: RedoclyChange, ruleId: string, tokens: string[], owner: string): string | undefined {
  const [before, after] = [change.base?.value, change.revision?.value];
  switch (ruleId) {
    case RESPONSE_ENUM_NARROWED:
      return `A response enum lost ${list(removedEnumValues(change))}.`;
    case LIMIT_LOWERED:
      return `The limit ${code(change.property ?? "")} went down: ${valueChange(before, after)}.`;
    case RESPONSE_HEADER_OPTIONAL:
      return `Response header ${code(named(tokens))} is no longer required.`;
    case SERVER_VARIABLE_NARROWED:
      return `Server variable ${code(named(tokens))} no longer offers ${list(removedEnumValues(change))}.`;
    case DEFAULT_CHANGED:
      return after === undefined ? `The default ${shown(before)} of ${owner} was removed.` : `The default of ${owner} changed: ${valueChange(before, after)}.`;
    case COMPONENT_REMOVED:
      return `Component ${code(tokens[2] ?? "")} of \`${tokens[1]}\` was removed, and the generated \`components["${tokens[1]}"]["${tokens[2]}"]\` with it.`;
    case COMPONENT_RENAMED:
      return `Component ${code(String(before))} of \`${tokens[1]}\` was renamed ${code(String(after))}: the generated \`components["${tokens[1]}"]["${before}"]\` is gone.`;
    case SECURITY_URL_MOVED:
      return `${code(change.property ?? "")} of ${owner} moved: ${valueChange(before, after)}.`;
  }
  return undefined;
}

/**
 * The "Found:" sentence of a change: one per rule that rated it, Redocly's first. `owner`
 * names what holds the changed value when the change's path does not (a shared
 * parameter: `` `disposition` (query) ``; a security scheme: `` `oauth2` ``).
 */
export function findingOf(change: RedoclyChange, projectRules: string[], tokens: string[], owner?: string): string {
  const redocly = change.verdicts.map((verdict) => fromRedocly(change, verdict.ruleId, verdict.message));
  const name = owner ?? code(named(tokens));
  const ours = projectRules.map((rule) => fromProjectRule(change, rule, tokens, name)).filter((text): text is string => text !== undefined);
  return [...redocly, ...ours].join(" ");
}
