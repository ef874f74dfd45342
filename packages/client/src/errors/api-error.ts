import type { ProblemDetails } from "@lucca-api/types";
import { LuccaError, nameErrorClass } from "./lucca-error.ts";
import { sentences } from "./sentence.ts";

export interface ApiErrorInit {
  status: number;
  problem: ProblemDetails | undefined;
  headers: Headers;
  method: string;
  /** Already redacted: the file `token` of the query is never kept. */
  url: string;
  hint: string;
}

/**
 * The API answered with an error status. `problem` is the RFC 7807 body the spec
 * describes; `requestId` is its `traceId`, to quote when asking Lucca for support.
 */
export class ApiError extends LuccaError {
  // Declared, not emitted as class fields: assigned at once in the constructor.
  declare readonly status: number;
  declare readonly problem: ProblemDetails | undefined;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  declare readonly method: string;
  declare readonly url: string;

  constructor({ status, problem, headers, method, url, hint }: ApiErrorInit) {
    super(describe(status, problem, method, url, hint));
    Object.assign(this, { status, problem, headers, requestId: problem?.traceId, method, url });
  }
}

/** `404 Not Found: No file has this id. Fix hint. (GET https://…, request id …)`, each sentence once. */
function describe(status: number, problem: ProblemDetails | undefined, method: string, url: string, hint: string): string {
  const summary = [problem?.title?.trim().replace(/\.+$/, ""), problem?.detail].filter(Boolean).join(": ") || "no problem details in the answer";
  // A field's message that repeats the detail (a server often names the one field at fault so) is said once.
  const fields = Object.entries(problem?.errors ?? {}).flatMap(([field, messages]) => {
    const news = messages.map((message) => message.trim().replace(/\.+$/, "")).filter((message) => !summary.includes(message));
    return news.length ? [`${field}: ${news.join("; ")}`] : [];
  });
  const where = [`${method} ${url}`.trim(), problem?.traceId ? `request id ${problem.traceId}` : undefined].filter(Boolean).join(", ");
  return `${sentences(`${status} ${summary}`, fields.length ? `Fields: ${fields.join("; ")}` : undefined, hint)} (${where})`;
}

nameErrorClass(ApiError, "ApiError");
