/**
 * Reads `Retry-After` (RFC 9110, section 10.2.3): a number of seconds or an HTTP date.
 * Returns milliseconds from `now`, or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names its month; `Date.parse` would also read "-5" or "1.5" as dates long past.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
