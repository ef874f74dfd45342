/** How many of the latest access tokens the logger keeps scrubbing. */
const kept = 8;

/**
 * The latest access tokens a provider handed out, for the logger to scrub. Older ones
 * have expired or been replaced; keeping every one would grow without end in a
 * long-running process whose tokens rotate, and the logger reads them all on each line.
 */
export function createRecentTokens(): { add(token: string): void; values(): IterableIterator<string> } {
  const tokens = new Set<string>();
  return {
    add(token) {
      tokens.delete(token); // re-added last: the newest stays
      tokens.add(token);
      if (tokens.size > kept) tokens.delete(tokens.values().next().value as string);
    },
    values: () => tokens.values(),
  };
}
