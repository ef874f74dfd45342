/**
 * Turns Redocly's changes into the report's rows: which part of the API changed (an
 * operation, a parameter, a request body, a response, a schema), which operations it
 * affects, whether it breaks clients and why, and whether those operations are beta.
 *
 * Redocly reports a change to a shared part (a schema, a parameter, a response header,
 * a response, a security scheme) once, where it first meets it; the row credits every
 * operation that reaches the part, on either side of the change.
 */
import { whyItBreaks, type Direction } from "./breaking-reasons.ts";
import { componentOf, deref, operationsOnDocumentServers, operationsSecuredBy, operationsUsing, operationsWithoutOwnSecurity, pointerTokens, type Json, type OperationEntry } from "./document.ts";
import { oldEnumStillValid } from "./closed-enum.ts";
import { encodingVerdict, type EncodingVerdict } from "./encoding-rules.ts";
import { findingOf } from "./findings.ts";
import { locate, type Area, type Documents, type Location } from "./locate.ts";
import { projectRulesBroken } from "./project-rules.ts";
import type { RedoclyChange } from "./redocly-diff.ts";
import { foldSameFacts } from "./same-fact.ts";
import { pairServersByUrl } from "./server-pairs.ts";
import { code, valueChange } from "./values.ts";

export type { Area, Documents } from "./locate.ts";

export interface Change {
  area: Area;
  kind: "added" | "removed" | "changed";
  /** What changed, e.g. `include` (query), `201` application/json, `File`. */
  subject: string;
  /** What about it changed, e.g. `properties/contentType · enum: −image/png`. */
  detail: string;
  /** Every operation the change affects, as `POST /lucca-api/files`. */
  operations: string[];
  /** True when every affected operation is marked `x-lucca-beta` (beta terms allow breaking changes). */
  beta: boolean;
  breaking: boolean;
  /** The rules that rated the change breaking (Redocly's ids, or this project's). */
  rules: string[];
  /** What was found, e.g. "`include` query parameter became required.". */
  finding?: string;
  /** Why it breaks a client; set when `breaking`. */
  why?: string;
}

const label = (entry: OperationEntry) => `${entry.method.toUpperCase()} ${entry.path}`;

function directionOf(tokens: string[]): Direction {
  if (tokens.includes("responses")) return "response";
  if (tokens.includes("parameters") || tokens.includes("requestBody")) return "request";
  return "both";
}

/** A shared part the change sits in: `#/components/<kind>/<name>`. */
interface Shared {
  pointer: string;
  kind: string;
  name: string;
}

/**
 * The shared part the change is in, on the side where it now is: a location that moved to
 * another component (`File` renamed `FileObject`, a property's `$ref` replaced by an
 * `anyOf`) is reported in the new one, by its current name.
 */
function sharedPartOf(change: RedoclyChange): Shared | undefined {
  const [base, revision] = [componentOf(change.base?.pointer), componentOf(change.revision?.pointer)];
  const pointer = change.kind === "removed" ? (base ?? revision) : (revision ?? base);
  if (!pointer) return undefined;
  const [, kind, name] = pointerTokens(pointer);
  // A shared path item holds several operations: the one the change was found in is the better answer.
  return kind && name && kind !== "pathItems" ? { pointer, kind, name } : undefined;
}

/** Every operation, on either side of the change, that the change reaches; in the order of the documents. */
function affectedOperations(change: RedoclyChange, documents: Documents, shared: Shared | undefined, located: Location): string[] {
  const sides = [documents.base, documents.revision];
  const across = (find: (document: Json) => OperationEntry[]) => [...new Set(sides.flatMap((side) => find(side).map(label)))];
  if (shared?.kind === "securitySchemes") return across((side) => operationsSecuredBy(side, shared.name));
  if (shared) {
    const users = across((side) => operationsUsing(side, shared.pointer));
    if (users.length > 0) return users;
  }
  const [root] = pointerTokens(change.path);
  if (root === "security") return across(operationsWithoutOwnSecurity);
  if (root === "servers") return across(operationsOnDocumentServers);
  return located.operations ?? [];
}

function isBeta(documents: Documents, operation: string): boolean {
  const [method, path] = operation.split(" ") as [string, string];
  const find = (document: Json) => deref(document, document.paths?.[path])?.[method.toLowerCase()];
  return (find(documents.revision) ?? find(documents.base))?.["x-lucca-beta"] === true;
}

/** A security requirement as `` `oauth2` [`files.readwrite`] ``. */
function requirement(value: unknown): string | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  return Object.entries(value as Record<string, unknown[]>)
    .map(([scheme, scopes]) => `${code(scheme)}${scopes.length > 0 ? ` [${scopes.map((scope) => code(String(scope))).join(", ")}]` : ""}`)
    .join(" + ");
}

/** The area, subject and path below it: a change inside a shared schema, header or security scheme is reported as a change of that part. */
function placeOf(located: Location, shared: Shared | undefined, change: RedoclyChange): { area: Area; subject: string; where: string[] } {
  const pointers = [change.base?.pointer, change.revision?.pointer];
  const inside = pointerTokens(pointers.find((pointer) => shared && componentOf(pointer) === shared.pointer) ?? "").slice(3);
  if (shared?.kind === "schemas" && located.area !== "schema" && located.area !== "document") return { area: "schema", subject: shared.name, where: inside };
  if (shared?.kind === "headers" && located.area === "response") return { area: "response", subject: `${code(shared.name)} header`, where: inside };
  if (shared?.kind === "securitySchemes") return { area: "security", subject: `scheme ${code(shared.name)}`, where: inside };
  // Security requirements are a list of alternatives: their index says nothing to a reader.
  if (located.area === "security") return { ...located, where: located.rest.filter((token) => !/^\d+$/.test(token)) };
  return { ...located, where: located.rest };
}

function detailOf(change: RedoclyChange, area: Area, where: string[]): string {
  if (change.kind === "modified") {
    const path = where.at(-1) === change.property ? where.slice(0, -1) : where;
    return `${[...path, change.property].filter(Boolean).join("/")}: ${valueChange(change.base?.value, change.revision?.value)}`;
  }
  const required = area === "security" ? requirement(change.kind === "removed" ? change.base?.value : change.revision?.value) : undefined;
  if (required) return `${required}: ${change.kind}`;
  return where.length > 0 ? `${where.join("/")}: ${change.kind}` : "";
}

export function classify(change: RedoclyChange, documents: Documents): Change {
  return rate(change, documents).row;
}

function rate(change: RedoclyChange, documents: Documents): { row: Change; encoding: EncodingVerdict } {
  const located = locate(change, documents);
  const shared = sharedPartOf(change);
  const { area, subject, where } = placeOf(located, shared, change);
  const operations = affectedOperations(change, documents, shared, located);
  const beta = operations.length > 0 && operations.every((operation) => isBeta(documents, operation));

  const tokens = pointerTokens(change.path);
  const direction = directionOf(tokens);
  const redocly = change.verdicts.filter((verdict) => verdict.impact === "major").map((verdict) => verdict.ruleId);
  const stillValid = oldEnumStillValid(change, documents, direction, redocly);
  // Redocly's rating is the verdict (a major change with no major rule named still breaks), unless every value the old enum allowed still validates.
  const rules = stillValid ? [] : redocly.length === 0 && change.impact === "major" ? ["major"] : [...redocly];
  const encoding = encodingVerdict(change, documents, tokens, direction);
  const ours = [...projectRulesBroken(change, tokens, direction), ...encoding.rules];
  rules.push(...ours);
  const breaking = rules.length > 0;
  const owner = area === "parameter" ? subject : shared?.kind === "securitySchemes" ? code(shared.name) : undefined;
  const finding = [
    findingOf(change, ours, tokens, owner),
    ...encoding.findings,
    ...(stillValid ? [`Every value the old enum allowed (${stillValid.map((value) => code(String(value))).join(", ")}) still validates: no call that was accepted is refused.`] : []),
  ]
    .filter(Boolean)
    .join(" ");
  const detail = (encoding.detail ?? detailOf(change, area, where)) + (stillValid ? " (every value of the old enum still validates)" : "");

  const row: Change = {
    area,
    // Something added to or removed from a part (a property of a schema) changes that part.
    kind: change.kind === "modified" || detail !== "" ? "changed" : change.kind,
    subject,
    detail,
    operations,
    beta,
    breaking,
    rules,
    ...(finding ? { finding } : {}),
    ...(breaking ? { why: whyItBreaks(rules[0]!, direction, finding) } : {}),
  };
  return { row, encoding };
}

export function classifyAll(changes: RedoclyChange[], documents: Documents): Change[] {
  const rated = pairServersByUrl(changes, documents).map((change) => {
    const { row, encoding } = rate(change, documents);
    return { change, row, noLongerAccepted: encoding.noLongerAccepted };
  });
  return foldSameFacts(rated);
}
