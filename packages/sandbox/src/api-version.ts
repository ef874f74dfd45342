/**
 * The `Api-Version` rule of the spec: "a date between two versions resolves to the
 * closest earlier version". The spec's `ApiVersion` schema admits any date and lists the
 * versions it describes (`apiVersions`); the sandbox resolves a date to its version, and
 * refuses a date before the first one, which no version covers.
 */
import { apiVersionPattern, apiVersions } from "@lucca-api/types";

const datePattern = new RegExp(apiVersionPattern);

function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * The version a requested `Api-Version` means: the newest version on or before that
 * date. Anything else (not a date, or older than the first version) is undefined.
 */
export function resolveApiVersion(requested: string): string | undefined {
  if (!isCalendarDate(requested)) return undefined;
  // apiVersions is sorted oldest first, and ISO dates sort as strings.
  return apiVersions.filter((version) => version <= requested).at(-1);
}
