/**
 * Turns Redocly's changes into the report's rows: which part of the API changed (an
 * operation, a parameter, a request body, a response, a schema), which operations it
 * affects, whether it breaks clients and why, and whether those operations are beta.
 */
import { LIMIT_LOWERED, RESPONSE_ENUM_NARROWED, whyItBreaks, type Direction } from "./breaking-reasons.ts";
import { at, componentOf, deref, HTTP_METHODS, operationsUsing, pointerTokens, type Json } from "./document.ts";
import type { RedoclyChange } from "./redocly-diff.ts";

export type Area = "operation" | "parameter" | "request body" | "response" | "schema" | "security" | "document";

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
  /** What Redocly's rule found, e.g. "`include` query parameter became required.". */
  finding?: string;
  /** Why it breaks a client; set when `breaking`. */
  why?: string;
}

export interface Documents {
  base: Json;
  revision: Json;
}

const isMethod = (token: string | undefined) => (HTTP_METHODS as readonly string[]).includes(token ?? "");
const code = (text: string) => "`" + text + "`";

function short(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text === undefined ? "nothing" : text.length > 40 || text.includes("\n") ? "" : code(text);
}

/** For an enum: the values added and removed; for a short value: `old → new`. */
function valueChange(change: RedoclyChange): string {
  const before = change.base?.value;
  const after = change.revision?.value;
  if (Array.isArray(before) && Array.isArray(after)) {
    const removed = before.filter((value) => !after.includes(value)).map((value) => `−${code(String(value))}`);
    const added = after.filter((value) => !before.includes(value)).map((value) => `+${code(String(value))}`);
    return [...removed, ...added].join(" ") || "reordered";
  }
  const [from, to] = [short(before), short(after)];
  return from && to ? `${from} → ${to}` : "edited";
}

function removedEnumValues(change: RedoclyChange): unknown[] {
  const before = change.base?.value;
  const after = change.revision?.value;
  if (change.property !== "enum" || !Array.isArray(before) || !Array.isArray(after)) return [];
  return before.filter((value) => !after.includes(value));
}

/** A documented limit (`info.x-lucca-limits`) made smaller: fewer requests are accepted. */
function lowersLimit(change: RedoclyChange, tokens: string[]): boolean {
  const [before, after] = [change.base?.value, change.revision?.value];
  return tokens.includes("x-lucca-limits") && typeof before === "number" && typeof after === "number" && after < before;
}

function directionOf(tokens: string[]): Direction {
  if (tokens.includes("responses")) return "response";
  if (tokens.includes("parameters") || tokens.includes("requestBody")) return "request";
  return "both";
}

/** The area and subject from the change's path, e.g. paths//files/post/parameters/4 -> parameter `include`. */
interface Location {
  area: Area;
  subject: string;
  /** The operation the change sits in, or those a removed or added path held. */
  operations?: string[];
  rest: string[];
}

function locate(change: RedoclyChange, documents: Documents): Location {
  const tokens = pointerTokens(change.path);
  const side = change.kind === "removed" ? documents.base : documents.revision;
  if (tokens[0] === "paths" && tokens[1] !== undefined) {
    const method = isMethod(tokens[2]) ? tokens[2] : undefined;
    const operation = method ? `${method.toUpperCase()} ${tokens[1]}` : undefined;
    const operations = operation ? [operation] : undefined;
    const rest = tokens.slice(method ? 3 : 2);
    const [section, key, third, fourth] = rest;
    // A path added or removed as a whole is its operations added or removed.
    if (!method && rest.length === 0 && change.kind !== "modified") {
      const item = deref(side, side.paths?.[tokens[1]]) ?? {};
      const operations = HTTP_METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${tokens[1]}`);
      return { area: "operation", subject: operations.join(", ") || tokens[1], operations, rest };
    }
    if (section === "parameters" && key !== undefined) {
      const parameter = deref(side, at(side, "#/" + tokens.slice(0, tokens.indexOf("parameters") + 2).map(escape).join("/")));
      return { area: "parameter", subject: `${code(parameter?.name ?? key)} (${parameter?.in ?? "?"})`, operations, rest: rest.slice(2) };
    }
    if (section === "requestBody")
      return { area: "request body", subject: key === "content" && third ? third : "body", operations, rest: rest.slice(key === "content" ? 3 : 1) };
    if (section === "responses" && key !== undefined)
      return { area: "response", subject: third === "content" && fourth ? `${key} ${fourth}` : key, operations, rest: rest.slice(third === "content" ? 4 : 2) };
    if (section === "security") return { area: "security", subject: "security requirements", operations, rest: rest.slice(1) };
    return { area: operation ? "operation" : "document", subject: operation ?? tokens[1], operations, rest };
  }
  if (tokens[0] === "components" && tokens[1] === "schemas" && tokens[2] !== undefined) return { area: "schema", subject: tokens[2], rest: tokens.slice(3) };
  if (tokens[0] === "components") return { area: "document", subject: tokens.slice(0, 3).join("/"), rest: tokens.slice(3) };
  if (tokens[0] === "security") return { area: "security", subject: "security requirements", rest: tokens.slice(1) };
  return { area: "document", subject: tokens[0] ?? "document", rest: tokens.slice(1) };
}

function escape(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

const label = (entry: { method: string; path: string }) => `${entry.method.toUpperCase()} ${entry.path}`;

export function classify(change: RedoclyChange, documents: Documents): Change {
  const located = locate(change, documents);
  // A change inside a named schema is reported as a schema change, with every operation that uses it.
  const component = componentOf(change.base?.pointer ?? change.revision?.pointer);
  const schema = component?.startsWith("#/components/schemas/") ? component : undefined;
  const inSchema = schema !== undefined && located.area !== "schema" && located.area !== "document";
  const side = change.kind === "added" ? documents.revision : documents.base;
  const users = schema ? operationsUsing(side, schema) : [];
  const operations = users.length > 0 ? users.map(label) : (located.operations ?? []);
  const beta =
    operations.length > 0 &&
    operations.every((operation) => {
      const [method, path] = operation.split(" ");
      const item = deref(side, side.paths?.[path!]) ?? deref(documents.revision, documents.revision.paths?.[path!]);
      return item?.[method!.toLowerCase()]?.["x-lucca-beta"] === true;
    });

  let where = inSchema ? pointerTokens(change.base?.pointer ?? change.revision?.pointer ?? "").slice(3) : located.rest;
  if (change.kind === "modified" && where.at(-1) === change.property) where = where.slice(0, -1);
  const nested = where.length > 0 && change.kind !== "modified";
  const detail =
    change.kind === "modified"
      ? `${[...where, change.property].filter(Boolean).join("/")}: ${valueChange(change)}`
      : nested
        ? `${where.join("/")}: ${change.kind}`
        : "";

  const tokens = pointerTokens(change.path);
  const direction = directionOf(tokens);
  const rules = change.verdicts.filter((verdict) => verdict.impact === "major").map((verdict) => verdict.ruleId);
  // Redocly's rating is the verdict: a major change with no major rule named still breaks.
  if (change.impact === "major" && rules.length === 0) rules.push("major");
  const narrowedResponseEnum = change.impact !== "major" && direction === "response" && removedEnumValues(change).length > 0;
  if (narrowedResponseEnum) rules.push(RESPONSE_ENUM_NARROWED);
  if (lowersLimit(change, tokens)) rules.push(LIMIT_LOWERED);
  const breaking = rules.length > 0;
  const message = change.verdicts.map((verdict) => verdict.message).join(" ");

  return {
    area: inSchema ? "schema" : located.area,
    kind: change.kind === "modified" || nested ? "changed" : change.kind,
    subject: inSchema ? schema!.split("/").pop()! : located.subject,
    detail,
    operations,
    beta,
    breaking,
    rules,
    ...(message ? { finding: message } : {}),
    ...(breaking ? { why: whyItBreaks(rules[0]!, direction, message) } : {}),
  };
}

export function classifyAll(changes: RedoclyChange[], documents: Documents): Change[] {
  return changes.map((change) => classify(change, documents));
}
