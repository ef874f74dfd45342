/**
 * The root of the client's one error hierarchy. Every error the client throws is a
 * `LuccaError`; check with the guards in `guards.ts` rather than `instanceof` when the
 * error may come from another copy of the package (another realm or bundle).
 */
export const errorBrand = Symbol.for("@lucca-api/client/error");

export class LuccaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Gives an error class its `name` on the prototype, spelled out: a minifier renames
 * classes, and the guards and messages must not depend on it. Not enumerable, like
 * `Error.prototype.name`.
 */
export function nameErrorClass(errorClass: { prototype: Error }, name: string): void {
  Object.defineProperty(errorClass.prototype, "name", { value: name, enumerable: false, writable: true, configurable: true });
}

nameErrorClass(LuccaError, "LuccaError");
// On the prototype so that the brand is neither an own nor an enumerable field.
Object.defineProperty(LuccaError.prototype, errorBrand, { value: true, enumerable: false });
