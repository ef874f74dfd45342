/**
 * The root of the client's one error hierarchy. Every error the client throws is a
 * `LuccaError`; check with the guards in `guards.ts` rather than `instanceof` when the
 * error may come from another copy of the package (another realm or bundle).
 */
export const errorBrand = Symbol.for("@lucca-api/client/error");

export class LuccaError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

// On the prototype so that the brand is neither an own nor an enumerable field.
Object.defineProperty(LuccaError.prototype, errorBrand, { value: true, enumerable: false });
