import { ConnectionError } from "./connection-error.ts";
import { nameErrorClass } from "./lucca-error.ts";

/**
 * The client gave up waiting: `scope` says whether one attempt (`timeout`) or the whole
 * call with its retries (`totalTimeout`) ran out. Distinct from `AbortError`, which is the
 * caller's own decision.
 */
export class TimeoutError extends ConnectionError {
  declare readonly scope: "attempt" | "total";
  declare readonly timeoutMs: number;

  constructor(scope: "attempt" | "total", timeoutMs: number, what: string) {
    super(`${what} timed out after ${timeoutMs} ms; raise the \`${scope === "attempt" ? "timeout" : "totalTimeout"}\` option if the server is just slow.`);
    Object.assign(this, { scope, timeoutMs });
  }
}

nameErrorClass(TimeoutError, "TimeoutError");
