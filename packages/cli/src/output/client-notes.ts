import { inCommandTerms } from "../cli/describe-error.ts";

/** The client's note on an answer whose `Deprecation` header says the Api-Version is going away: the request it came with, then the rest. */
const deprecationNote = /^(\[[^\]]*\] ).*?: (this Api-Version is deprecated\b.*)$/s;

/**
 * The client's notes (its `logger.warn`) as the command line says them: its options named
 * as flags and variables (`--api-version`, not the `apiVersion` option). The client warns
 * of a deprecated Api-Version on every answer that says so, 55 lines for 55 files
 * uploaded: that one is said once a run, without the request, since it holds for them all.
 */
export function clientNotes(write: (line: string) => void): (line: string) => void {
  let deprecationSaid = false;
  return (line) => {
    const deprecation = deprecationNote.exec(line);
    if (deprecation) {
      if (deprecationSaid) return;
      deprecationSaid = true;
    }
    write(inCommandTerms(deprecation ? `${deprecation[1]}${deprecation[2]}` : line));
  };
}
