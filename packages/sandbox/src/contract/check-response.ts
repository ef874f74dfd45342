/**
 * Is this response one the spec allows? Checks a received answer of an operation
 * against the bundled spec: its status is declared, its declared headers are present
 * when required and match their schemas, its `Content-Type` is one of the declared
 * media types and its body matches that media type's schema (JSON bodies are parsed and
 * validated; other bodies are checked by their media type only, since an empty file is
 * legitimate content).
 */
import type { OperationId } from "@lucca-api/types";
import { describeErrors, validatorAt } from "../ajv.ts";
import { loadSpecDocument, operationOf, resolveRef, type Json } from "../spec-document.ts";

export interface ReceivedResponse {
  status: number;
  /** A fetch `Headers`, or Node's `IncomingHttpHeaders` (lower-case names). */
  headers: Headers | Record<string, string | string[] | undefined>;
  /** The raw body; empty or absent when there was none. */
  body?: Uint8Array | string | null;
  /** The request's method: the answer to `HEAD` has `GET`'s headers and no body (RFC 9110, section 9.3.2). */
  method?: string;
}

const escapePointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

function headerOf(headers: ReceivedResponse["headers"], name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

function bodyText(body: ReceivedResponse["body"]): string {
  if (body === undefined || body === null) return "";
  return typeof body === "string" ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
}

function bodyLength(body: ReceivedResponse["body"]): number {
  if (body === undefined || body === null) return 0;
  return typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
}

/** The declared media type that covers `actual`, the most specific first (`a/b`, `a/*`, `*\/*`). */
function declaredMediaType(declared: string[], actual: string): string | undefined {
  const [family] = actual.split("/");
  return declared.find((type) => type === actual) ?? declared.find((type) => type === `${family}/*`) ?? declared.find((type) => type === "*/*");
}

function isJson(mediaType: string): boolean {
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

/** The response object the spec declares for this status (exact, `4XX`, or `default`). */
function declaredResponse(document: Json, operationId: OperationId, status: number): { node: Json; pointer: string } | undefined {
  const { operation, pointer } = operationOf(document, operationId);
  const key = [String(status), `${String(status)[0]}XX`, "default"].find((candidate) => operation.responses?.[candidate] !== undefined);
  if (key === undefined) return undefined;
  return resolveRef(document, operation.responses[key], `${pointer}/responses/${key}`);
}

function checkHeaders(document: Json, declared: { node: Json; pointer: string }, response: ReceivedResponse, violations: string[]): void {
  for (const [name, raw] of Object.entries<Json>(declared.node.headers ?? {})) {
    if (name.toLowerCase() === "content-type") continue; // OpenAPI: described by `content`, not here.
    const { node, pointer } = resolveRef(document, raw, `${declared.pointer}/headers/${escapePointer(name)}`);
    const value = headerOf(response.headers, name);
    if (value === undefined) {
      if (node.required) violations.push(`header ${name} is required by the spec but missing`);
      continue;
    }
    if (!node.schema) continue;
    const validate = validatorAt(`${pointer}/schema`);
    if (!validate(value)) violations.push(`header ${name}: ${JSON.stringify(value)} ${describeErrors(validate).join("; ")}`);
  }
}

function checkBody(declared: { node: Json; pointer: string }, response: ReceivedResponse, violations: string[]): void {
  const content: Record<string, Json> | undefined = declared.node.content;
  const length = bodyLength(response.body);
  if (response.method === "HEAD" && length > 0) violations.push(`an answer to HEAD has no body, but ${length} bytes came`);
  if (!content || Object.keys(content).length === 0) {
    if (length > 0) violations.push(`the spec declares no body for this status, but ${length} bytes came`);
    return;
  }
  const contentType = headerOf(response.headers, "Content-Type");
  if (!contentType) {
    violations.push(`Content-Type is missing; the spec declares ${Object.keys(content).join(", ")}`);
    return;
  }
  const actual = contentType.split(";")[0]!.trim().toLowerCase();
  const mediaType = declaredMediaType(Object.keys(content), actual);
  if (!mediaType) {
    violations.push(`Content-Type ${actual} is not one the spec declares (${Object.keys(content).join(", ")})`);
    return;
  }
  if (response.method === "HEAD" || !isJson(actual) || !content[mediaType].schema) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText(response.body));
  } catch {
    violations.push(`the body is not valid JSON although Content-Type is ${actual}`);
    return;
  }
  const validate = validatorAt(`${declared.pointer}/content/${escapePointer(mediaType)}/schema`);
  if (!validate(parsed)) violations.push(`body (${mediaType}): ${describeErrors(validate).join("; ")}`);
}

/** Every way `response` departs from what the spec allows for `operationId` (empty when it conforms). */
export function checkResponse(operationId: OperationId, response: ReceivedResponse): string[] {
  const document = loadSpecDocument();
  const declared = declaredResponse(document, operationId, response.status);
  if (!declared) {
    const allowed = Object.keys(operationOf(document, operationId).operation.responses ?? {}).join(", ");
    return [`status ${response.status} is not declared for ${operationId} (declared: ${allowed})`];
  }
  const violations: string[] = [];
  checkHeaders(document, declared, response, violations);
  checkBody(declared, response, violations);
  return violations;
}
