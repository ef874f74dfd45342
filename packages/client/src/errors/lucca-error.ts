/**
 * The root of the client's one error hierarchy. Every error the client throws is a
 * `LuccaError`; check with the guards in `guards.ts` rather than `instanceof` when the
 * error may come from another copy of the package (another realm or bundle).
 */
export class LuccaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The brand of a class: a registered symbol, the same in every copy of the package. The
 * README promises the guards across copies of one major version: a change to it is breaking.
 */
const brandOf = (name: string) => Symbol.for(`@lucca-api/client/${name}`);

/**
 * Gives an error class its `name` on the prototype, spelled out (a minifier renames
 * classes, and the guards and messages must not depend on it), and its brand, which
 * the guards test: on the prototype, so that a subclass carries its parents' brands,
 * neither an own nor an enumerable field (like `Error.prototype.name`).
 */
export function nameErrorClass(errorClass: { prototype: Error }, name: string): void {
  Object.defineProperty(errorClass.prototype, "name", { value: name, writable: true, configurable: true });
  Object.defineProperty(errorClass.prototype, brandOf(name), { value: true });
}

/** Whether `value` is an error of the class named `name` or of a subclass, from any copy of the package. */
export const hasBrand = (value: unknown, name: string): boolean => typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brandOf(name)] === true;

nameErrorClass(LuccaError, "LuccaError");
