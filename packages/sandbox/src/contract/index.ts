/**
 * @lucca-api/sandbox/contract: checks that a received response is one the spec allows
 * (status, headers, body by media type), with Ajv against the bundled spec. The
 * sandbox's tests run every answer through it; the client's tests can do the same.
 */
import type { OperationId } from "@lucca-api/types";
import { checkResponse, type ReceivedResponse } from "./check-response.ts";

export { checkResponse, type ReceivedResponse };

/** Thrown by `assertResponseMatchesSpec`; `violations` lists each departure from the spec. */
export class ContractViolationError extends Error {
  readonly violations: string[];

  constructor(operationId: OperationId, status: number, violations: string[]) {
    super(`The ${status} answer of ${operationId} is not one the spec allows:\n- ${violations.join("\n- ")}`);
    this.name = "ContractViolationError";
    this.violations = violations;
  }
}

/** Throws `ContractViolationError` unless `response` conforms to the spec. */
export function assertResponseMatchesSpec(operationId: OperationId, response: ReceivedResponse): void {
  const violations = checkResponse(operationId, response);
  if (violations.length > 0) throw new ContractViolationError(operationId, response.status, violations);
}

/**
 * Checks a fetch `Response` without consuming it (the body is read from a clone), and
 * returns the body bytes for the caller's own assertions. Pass the request's `method`
 * when it was `HEAD` (a `Response` does not know it).
 */
export async function checkFetchResponse(operationId: OperationId, response: Response, request: { method?: string } = {}): Promise<{ violations: string[]; body: Uint8Array }> {
  const body = new Uint8Array(await response.clone().arrayBuffer());
  return { violations: checkResponse(operationId, { status: response.status, headers: response.headers, body, method: request.method }), body };
}

/** Like `checkFetchResponse`, but throws `ContractViolationError` on any violation. */
export async function assertFetchResponseMatchesSpec(operationId: OperationId, response: Response, request: { method?: string } = {}): Promise<Uint8Array> {
  const { violations, body } = await checkFetchResponse(operationId, response, request);
  if (violations.length > 0) throw new ContractViolationError(operationId, response.status, violations);
  return body;
}
