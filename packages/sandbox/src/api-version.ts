/**
 * The `Api-Version` rule of the spec: "a date between two versions resolves to the
 * closest earlier version". The spec's `ApiVersion` schema admits any date and lists the
 * versions it describes (`apiVersions`); the sandbox resolves a date to its version, and
 * refuses a date before the first one, which no version covers.
 */
import { apiVersions } from "@lucca-api/types";

/**
 * The version a requested `Api-Version` means: the newest version on or before that
 * date, or undefined for a date before the first version. `requested` is a date the
 * `ApiVersion` schema accepted (request-parameters.ts validates it first, once).
 */
export function resolveApiVersion(requested: string): string | undefined {
  // apiVersions is sorted oldest first, and ISO dates sort as strings.
  return apiVersions.filter((version) => version <= requested).at(-1);
}
