import { fileTokenParameter } from "@lucca-api/types";

const redacted = "[redacted]";

const fileTokenInQuery = new RegExp(`([?&]${fileTokenParameter.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}=)[^&#]*`, "g");

/**
 * A URL fit for a message or a log: the file access `token` of the query is a
 * credential, so its value is replaced. A regular expression rather than `URL`, as it
 * runs for every request.
 */
export function redactUrl(url: string): string {
  return url.replace(fileTokenInQuery, `$1${redacted}`);
}

/**
 * Replaces every occurrence of the given secrets (client secret, access tokens) in a
 * text. Used on everything the logger receives.
 */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let result = text;
  for (const secret of secrets) if (secret) result = result.split(secret).join(redacted);
  return result;
}
