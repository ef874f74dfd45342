import { isAbortError, isApiError, isConnectionError, isInvalidInputError, isTokenError, isTimeoutError } from "@lucca-api/client";
import { sandboxStartCommand } from "../config/local-sandbox.ts";
import { environmentVariables as env } from "../config/resolve-config.ts";
import { UsageError } from "./usage-error.ts";

/**
 * Where each field of the client's `InvalidInputError` comes from on the command line,
 * so that the message names what the user typed, not the library's option.
 */
const fieldSources: Record<string, string> = {
  contentType: "--content-type",
  source: "the file to upload",
  "source.path": "the file to upload",
  path: "-o",
  apiVersion: `--api-version (or ${env.apiVersion})`,
  baseUrl: `${env.baseUrl} (or --host)`,
  // Without "://", --host or LUCCA_BASE_URL is the client's host (src/config/resolve-config.ts).
  host: `--host (or ${env.baseUrl})`,
  "auth.clientId": env.clientId,
  "auth.clientSecret": env.clientSecret,
  "auth.tokenUrl": env.tokenUrl,
  clientId: env.clientId,
  clientSecret: env.clientSecret,
};

/** `tokenUrl: 'http://…'` in the client's fix is the variable to set, quoted value and all. */
const tokenUrlMention = /\b(?:auth\.)?tokenUrl: '([^']*)'/g;

/**
 * The client's other options its messages name in their fix, and how the command line
 * says each: `baseUrl` the variable or `--host`, `apiVersion` the flag or its variable. A
 * host's "a URL goes in baseUrl" is said first: --host and LUCCA_BASE_URL take both forms,
 * so naming --host there again would contradict the message it ends.
 */
const optionMentions: ReadonlyArray<readonly [RegExp, string]> = [
  [/ \(a URL goes in baseUrl\)/g, ", or a URL with its scheme, e.g. 'https://example.ilucca.net'"],
  // The word alone, not a URL's or a file name's part (`…/baseUrl/…`, `baseUrl.bin`).
  [/(?<![\w/.-])baseUrl(?![\w/.-])/g, fieldSources.baseUrl!],
  [/the `apiVersion` option/g, fieldSources.apiVersion!],
];

/** What a message quotes (`'…'`: a path, a URL, a value given); a quote opens after no letter (`link's` is no quote). */
const quoted = /((?<!\w)'[^']*'(?!\w))/;

/** A message of the client's, its options named as the command line says them; what it quotes is left as it is. */
export function inCommandTerms(message: string): string {
  return message
    .replace(tokenUrlMention, `${env.tokenUrl}=$1`)
    .split(quoted)
    // Odd parts are the quoted ones.
    .map((part, index) => (index % 2 === 1 ? part : optionMentions.reduce((said, [mention, replacement]) => said.replace(mention, replacement), part)))
    .join("");
}

export interface DescribeContext {
  /** The run targets the local sandbox: a refused connection most likely means it is not started. */
  sandbox: boolean;
}

/**
 * One line that says what went wrong and what to do. The client's messages already name
 * the fix in its own terms; where those terms are the library's (its options), this says
 * it in the command line's (flags and environment variables).
 */
export function describeError(error: unknown, context: DescribeContext): string {
  if (error instanceof UsageError) return oneLine(error.message);
  if (isInvalidInputError(error)) {
    const source = fieldSources[error.field] ?? error.field;
    // The client's fix reads "pass contentType: 'image/jpg'": say it with the flag.
    const said = inCommandTerms(error.reason.replaceAll(`${error.field}: `, source.startsWith("-") ? `${source} ` : `${source}: `));
    return oneLine(`${source}: ${said}`);
  }
  if (isAbortError(error)) return "cancelled (Ctrl-C).";
  if (isTokenError(error)) {
    const said = `${error.error}${error.errorDescription ? `: ${error.errorDescription}` : ""}`;
    const fix =
      error.error === "invalid_client"
        ? `check ${env.clientId} and ${env.clientSecret}${context.sandbox ? "" : " (or try the local sandbox with --sandbox)"}`
        : `check the client's configuration and ${env.tokenUrl} (now ${error.tokenUrl})`;
    return oneLine(`the token endpoint refused the credentials (${error.status} ${said}); ${fix}.`);
  }
  if (isConnectionError(error)) {
    // The client's fix names its `tokenUrl` option: here it comes from --host (with --sandbox) or the variable.
    const said = error.message.replace(/\((?:auth\.)?tokenUrl\)/g, `(${context.sandbox ? "--host" : env.tokenUrl})`);
    if (isTimeoutError(error) || !context.sandbox) return oneLine(said);
    return oneLine(`${said} Is the sandbox running? Start it with \`${sandboxStartCommand}\` (\`npm start\` in the repository), or pass --host <its URL>.`);
  }
  // An API error's fix may name an option too (an upload's 404: "Check baseUrl"); other
  // errors' texts (a path, the system's words) are left as they are.
  if (isApiError(error)) return oneLine(inCommandTerms(error.message));
  if (error instanceof Error) return oneLine(error.message);
  return oneLine(String(error));
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
