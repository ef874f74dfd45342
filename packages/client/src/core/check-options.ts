import { InvalidInputError } from "../errors/invalid-input-error.ts";

/** A duration option in ms (`timeout`, `totalTimeout`, …): a finite number ≥ 0, else an error naming `field`. */
export function checkDuration(field: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new InvalidInputError(field, `'${String(value)}' must be a finite number ≥ 0.`);
  }
  return value;
}

/** A callback option (`onProgress`): a function when given, else an error naming `field` (a call would throw a bare TypeError mid-transfer). */
export function checkCallback(field: string, value: unknown): void {
  // `null` is "none", as `undefined` is (`onProgress: verbose ? log : null`).
  if (value != null && typeof value !== "function") throw new InvalidInputError(field, `must be a function, e.g. (progress) => …, not ${typeof value}.`);
}

/** The `fetch` option, else the global one: a function, else an error naming `fetch`. */
export function checkFetch(given: typeof fetch | undefined): typeof fetch {
  // `null` is "none", as `undefined` is: the global one.
  const fetchFunction: unknown = given ?? globalThis.fetch;
  if (typeof fetchFunction !== "function") throw new InvalidInputError("fetch", `${given == null ? "no fetch is available" : `is not a function (typeof ${typeof given})`}; pass a fetch implementation.`);
  return fetchFunction as typeof fetch;
}
