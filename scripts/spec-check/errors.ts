/**
 * The one error class of the spec gate: thrown for what stops the check from running at
 * all (an unknown `--base`, a spec that does not bundle). A gate that runs and finds a
 * problem does not throw: it returns a failed result, so the report can still be written.
 */
export class SpecCheckError extends Error {
  override readonly name = "SpecCheckError";
}
