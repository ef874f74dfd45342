/** A mistake in the command itself, found before anything is sent. Its message names the fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
