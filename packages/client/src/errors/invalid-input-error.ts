import { LuccaError, nameErrorClass } from "./lucca-error.ts";

/**
 * A value given to the client is wrong: thrown before any request is sent. The message
 * names the field, the value and the fix.
 */
export class InvalidInputError extends LuccaError {
  declare readonly field: string;

  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(`${field}: ${message}`, options);
    Object.assign(this, { field });
  }

  /**
   * What is wrong and the fix, without the leading `field: `, for a tool that names the
   * field its own way. A getter: not enumerable, like `message`, and never a secret either.
   */
  get reason(): string {
    return this.message.slice(this.field.length + 2);
  }
}

nameErrorClass(InvalidInputError, "InvalidInputError");
