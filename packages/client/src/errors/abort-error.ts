import { LuccaError, nameErrorClass } from "./lucca-error.ts";

/** The caller's `AbortSignal` fired. `cause` is the signal's reason. */
export class AbortError extends LuccaError {}

nameErrorClass(AbortError, "AbortError");
