/**
 * Where a change of Redocly's diff sits, read from its path: the part of the API (an
 * operation, a parameter, a request body, a response, a schema, security), a subject a
 * reviewer recognises (`include` (query), `201 application/json`, `File`), and the
 * operation it was reported in.
 */
import { at, deref, HTTP_METHODS, pointerTokens, type Json } from "./document.ts";
import type { RedoclyChange } from "./redocly-diff.ts";
import { code } from "./values.ts";

export type Area = "operation" | "parameter" | "request body" | "response" | "schema" | "security" | "document";

export interface Documents {
  base: Json;
  revision: Json;
}

export interface Location {
  area: Area;
  subject: string;
  /** The operation the change sits in, or those a removed or added path held. */
  operations?: string[];
  /** The path below the subject, e.g. `headers`, `ETag` below a response. */
  rest: string[];
}

const isMethod = (token: string | undefined) => (HTTP_METHODS as readonly string[]).includes(token ?? "");

function escape(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The area and subject from the change's path, e.g. paths//files/post/parameters/4 -> parameter `include`. */
export function locate(change: RedoclyChange, documents: Documents): Location {
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
  if (tokens[0] === "components" && tokens[1] === "securitySchemes" && tokens[2] !== undefined)
    return { area: "security", subject: `scheme ${code(tokens[2])}`, rest: tokens.slice(3) };
  if (tokens[0] === "components" && tokens[2] !== undefined) {
    // A shared component is named by its kind, like the same part met in an operation.
    const [, kind, name] = tokens as [string, string, string];
    const rest = tokens.slice(3);
    if (kind === "parameters") {
      const parameter = deref(side, side.components?.parameters?.[name]);
      return { area: "parameter", subject: `${code(parameter?.name ?? name)} (${parameter?.in ?? "?"}, component ${code(name)})`, rest };
    }
    if (kind === "headers") return { area: "response", subject: `${code(name)} header`, rest };
    if (kind === "responses") return { area: "response", subject: code(name), rest };
    if (kind === "requestBodies") return { area: "request body", subject: code(name), rest };
  }
  if (tokens[0] === "components") return { area: "document", subject: tokens.slice(0, 3).join("/"), rest: tokens.slice(3) };
  if (tokens[0] === "security") return { area: "security", subject: "security requirements", rest: tokens.slice(1) };
  if (tokens[0] === "servers" && tokens[1] !== undefined) {
    const server = (side.servers ?? documents.base.servers)?.[Number(tokens[1])];
    return { area: "document", subject: server?.url ? `server ${code(server.url)}` : "servers", rest: tokens.slice(server?.url ? 2 : 1) };
  }
  return { area: "document", subject: tokens[0] ?? "document", rest: tokens.slice(1) };
}
