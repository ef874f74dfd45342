/**
 * The sandbox's one error type: every refusal is a `Problem`, written as RFC 7807
 * `application/problem+json` (the spec's `ProblemDetails`). Handlers throw it; the router
 * writes it. Messages name the field, the value and the fix, and never carry a secret.
 */
import { STATUS_CODES } from "node:http";

/**
 * A status's title as RFC 9110 (section 15) names it, where Node's `STATUS_CODES` keeps an
 * older name: Node 20 still calls 413 by RFC 7231's "Payload Too Large".
 */
const renamedByRfc9110: Record<number, string> = { 413: "Content Too Large" };
export const titleOf = (status: number) => renamedByRfc9110[status] ?? STATUS_CODES[status] ?? "Error";

/**
 * The most characters of a value from the request (an id, a header, a part's name) that
 * a message repeats. The request's head is up to the spec's `maxRequestHeaderBytes` and a
 * part's name is in a body of up to 100 MB, and one value can appear three times (`detail`,
 * `errors`, `instance`): repeated whole, a refusal would grow with what it refuses.
 */
export const maxEchoedChars = 200;

/**
 * `value` as a message repeats it: whole up to `maxEchoedChars`, else its start, an
 * ellipsis and its length, which still shows which value was refused.
 */
export function echoed(value: string): string {
  if (value.length <= maxEchoedChars) return value;
  // Not between the two halves of a surrogate pair: the answer would carry a lone one.
  const last = value.charCodeAt(maxEchoedChars - 1);
  const cut = last >= 0xd800 && last <= 0xdbff ? maxEchoedChars - 1 : maxEchoedChars;
  return `${value.slice(0, cut)}… (${value.length} characters)`;
}

export interface ProblemInit {
  detail?: string;
  /** The one field at fault, on the wire (`Authorization`, `Accept`, `Range`…): `errors` names it with `detail`. */
  field?: string;
  /** Messages per offending field, keyed by the field's name on the wire. */
  errors?: Record<string, string[]>;
  /** Extra response headers, e.g. `WWW-Authenticate` or `Retry-After`. */
  headers?: Record<string, string>;
}

export class Problem extends Error {
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: Record<string, string[]> | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, init: ProblemInit = {}) {
    super(init.detail ?? STATUS_CODES[status] ?? `HTTP ${status}`);
    this.name = "Problem";
    this.status = status;
    this.detail = init.detail;
    this.errors = init.errors ?? (init.field !== undefined && init.detail !== undefined ? { [init.field]: [init.detail] } : undefined);
    this.headers = init.headers ?? {};
  }

  /** A 400 whose `errors` map names each offending field. */
  static invalid(errors: Record<string, string[]>): Problem {
    const fields = Object.keys(errors).join(", ");
    return new Problem(400, { detail: `Invalid request: ${fields}.`, errors });
  }

  /**
   * The body, as the spec's ProblemDetails schema describes it. `type` is left out, which
   * RFC 7807 reads as `about:blank`: the status says it all.
   */
  toBody(instance: string, traceId: string): Record<string, unknown> {
    return {
      title: this.status === 400 ? "One or more validation errors occurred." : titleOf(this.status),
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      instance,
      ...(this.errors === undefined ? {} : { errors: this.errors }),
      traceId,
    };
  }
}

/** Type guard that holds across module copies (a test may load src and dist). */
export function isProblem(value: unknown): value is Problem {
  return value instanceof Error && value.name === "Problem" && typeof (value as Problem).status === "number";
}
