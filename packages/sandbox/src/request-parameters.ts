/**
 * Validates a request's parameters (path, query, headers) against the spec's parameter
 * schemas with Ajv. Nothing here restates a rule: which parameters exist, which are
 * required and what values they take all come from the bundled spec.
 */
import type { IncomingHttpHeaders } from "node:http";
import { apiVersions, parameters as wire, type OperationId } from "@lucca-api/types";
import { describeErrors, validatorAt } from "./ajv.ts";
import { resolveApiVersion } from "./api-version.ts";
import { echoed, Problem } from "./problem.ts";
import { loadSpecDocument, parametersOf, type SpecParameter } from "./spec-document.ts";

export interface RequestParts {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  path: Record<string, string>;
}

/** Parameter values by wire name, after style decoding (`include=a,b` → `["a","b"]`). */
export type ParameterValues = Record<string, unknown>;

const where = { header: "Header", query: "Query parameter", path: "Path parameter", cookie: "Cookie" } as const;

function rawValue(parameter: SpecParameter, parts: RequestParts): string | string[] | undefined {
  switch (parameter.in) {
    case "header": {
      const value = parts.headers[parameter.name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    }
    case "query": {
      const values = parts.query.getAll(parameter.name);
      if (values.length === 0) return undefined;
      return parameter.schema?.type === "array" ? values : values[values.length - 1];
    }
    case "path":
      return parts.path[parameter.name];
    default:
      return undefined;
  }
}

/** Decodes a value by the parameter's `style`/`explode`, as OpenAPI 3.1 section 4.8.12.4 defines. */
function decode(parameter: SpecParameter, raw: string | string[]): unknown {
  if (parameter.schema?.type !== "array") return raw;
  const list = Array.isArray(raw) ? raw : [raw];
  const explode = parameter.explode ?? parameter.style === "form";
  return explode ? list : list.flatMap((item) => item.split(",")).filter((item) => item !== "");
}

/** Validates every parameter of `operationId`; throws a 400 naming each bad one. */
export function validateParameters(operationId: OperationId, parts: RequestParts): ParameterValues {
  const values: ParameterValues = {};
  const errors: Record<string, string[]> = {};
  for (const parameter of parametersOf(loadSpecDocument(), operationId)) {
    const raw = rawValue(parameter, parts);
    const label = `${where[parameter.in]} '${parameter.name}'`;
    if (raw === undefined) {
      if (parameter.required) errors[parameter.name] = [`${label} is required.${hint(parameter)}`];
      continue;
    }
    const value = decode(parameter, raw);
    const validate = validatorAt(parameter.schemaRef);
    const shown = echoed(JSON.stringify(raw));
    if (!validate(value)) {
      errors[parameter.name] = firstMessages(describeErrors(validate)).map((message) => `${label} value ${shown} ${message}.${hint(parameter)}`);
      continue;
    }
    if (parameter.name !== wire.apiVersion.name) {
      values[parameter.name] = value;
      continue;
    }
    // The schema admits any date; only a date on or after the first version has one.
    const version = resolveApiVersion(value as string);
    if (version === undefined) errors[parameter.name] = [`${label} value ${shown} is not a date on or after the first version.${hint(parameter)}`];
    else values[parameter.name] = version;
  }
  if (Object.keys(errors).length > 0) throw Problem.invalid(errors);
  return values;
}

/**
 * The first of a value's schema errors: a list (`include=a,b,…`) has one per bad item,
 * and each message repeats the value, so a long list would make a refusal of any size.
 */
function firstMessages(messages: string[], most = 3): string[] {
  if (messages.length <= most) return messages;
  return [...messages.slice(0, most - 1), `${messages[most - 1]} (and ${messages.length - most} more errors like these)`];
}

/** What to send instead, when the spec lists the values. */
function hint(parameter: SpecParameter): string {
  if (parameter.name === wire.apiVersion.name)
    return ` Send one of: ${apiVersions.join(", ")} (or a later date, which resolves to the closest earlier version).`;
  const allowed: unknown[] | undefined = parameter.schema?.enum ?? parameter.schema?.items?.enum;
  if (!allowed) return "";
  return ` Send one of: ${allowed.join(", ")}.`;
}
