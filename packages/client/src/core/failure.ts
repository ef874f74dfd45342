import { AbortError } from "../errors/abort-error.ts";
import { ConnectionError } from "../errors/connection-error.ts";
import { isLuccaError } from "../errors/guards.ts";
import type { LuccaError } from "../errors/lucca-error.ts";
import { TimeoutError } from "../errors/timeout-error.ts";

/** Which timeout ended a send or a read, when one did: its scope and its length in ms. */
export type Expired = readonly ["attempt" | "total", number] | undefined;

/**
 * What a failed send or read means, as an error of the hierarchy: the caller's signal
 * (`AbortError`), one of ours passed through (fetch wraps what a request body throws),
 * a timeout that ran out (`TimeoutError`), else the connection (`ConnectionError`).
 * `what` names the request (`GET https://…`, secrets redacted); a connection error reads
 * `<what> <broke, with the fix> (<the platform's reason>).`
 */
export function failure(cause: unknown, signal: AbortSignal | null | undefined, expired: Expired, what: string, broke = ""): LuccaError {
  if (signal?.aborted) return new AbortError(`${what} was aborted by the caller's signal.`, { cause: signal.reason });
  const ours = errorOfOurs(cause);
  if (ours) return ours;
  if (expired) return new TimeoutError(expired[0], expired[1], what);
  const error = cause as { message?: string; cause?: { code?: string; message?: string } } | undefined;
  const reason = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(cause);
  return new ConnectionError(`${what} ${broke} (${reason}).`, { cause });
}

/** The error of the hierarchy that `cause` is, or wraps (fetch wraps what a request body throws, e.g. a wrong declared size). */
export function errorOfOurs(cause: unknown): LuccaError | undefined {
  const wrapped = (cause as { cause?: unknown } | undefined)?.cause;
  return isLuccaError(cause) ? cause : isLuccaError(wrapped) ? wrapped : undefined;
}
