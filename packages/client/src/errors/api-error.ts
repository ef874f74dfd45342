import type { ProblemDetails } from "@lucca-api/types";
import { LuccaError, nameErrorClass } from "./lucca-error.ts";

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

/** `404 Not Found: No file has this id. — fix hint (GET https://…, request id …)` */
function describe({ status, problem, method, url, hint }: ApiErrorInit): string {
  const summary = [problem?.title, problem?.detail].filter(Boolean).join(": ") || "no problem details in the answer";
  const fields = Object.entries(problem?.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
  const where = [`${method} ${url}`.trim(), problem?.traceId ? `request id ${problem.traceId}` : undefined].filter(Boolean).join(", ");
  return [`${status} ${summary.replace(/\.$/, "")}.`, fields.length ? `Fields: ${fields.join("; ").replace(/\.$/, "")}.` : "", hint, `(${where})`]
    .filter(Boolean)
    .join(" ");
}

nameErrorClass(ApiError, "ApiError");
