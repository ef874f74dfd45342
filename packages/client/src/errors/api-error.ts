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
  readonly status: number;
  readonly problem: ProblemDetails | undefined;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly url: string;

  constructor(init: ApiErrorInit) {
    super(describe(init));
    this.status = init.status;
    this.problem = init.problem;
    this.headers = init.headers;
    this.requestId = init.problem?.traceId;
    this.method = init.method;
    this.url = init.url;
  }
}

/** `404 Not Found: No file has this id. Fix hint. (GET https://…, request id …)`, each sentence once. */
function describe({ status, problem, method, url, hint }: ApiErrorInit): string {
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
