import { LuccaError, nameErrorClass } from "./lucca-error.ts";

/**
 * A value given to the client is wrong: thrown before any request is sent. The message
 * names the field, the value and the fix.
 */
export class InvalidInputError extends LuccaError {
  readonly field: string;

  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(`${field}: ${message}`, options);
    this.field = field;
  }
}

nameErrorClass(InvalidInputError, "InvalidInputError");
