import { parameters } from "@lucca-api/types";

const redacted = "[redacted]";

/**
 * A URL fit for a message or a log: the file access `token` of the query is a
 * credential, so its value is replaced.
 */
export function redactUrl(url: string): string {
  if (!url) return url;
  try {
    const parsed = new URL(url);
    if (!parsed.searchParams.has(parameters.fileToken.name)) return url;
    parsed.searchParams.set(parameters.fileToken.name, redacted);
    return parsed.toString().replace(encodeURIComponent(redacted), redacted);
  } catch {
    return url;
  }
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
