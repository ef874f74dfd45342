import { LuccaError, nameErrorClass } from "./lucca-error.ts";

/** The server answered something the spec does not allow (for example, JSON that does not parse). */
export class InvalidResponseError extends LuccaError {
  declare readonly status: number;

  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.assign(this, { status });
  }
}

nameErrorClass(InvalidResponseError, "InvalidResponseError");
