import { apiVersionPattern, apiVersions, currentApiVersion, maxRequestBodyBytes, type ApiVersion } from "@lucca-api/types";
import type { ClientCredentials } from "./auth/client-credentials-provider.ts";
import type { AccessTokenSource } from "./auth/static-token-provider.ts";
import { defaultRetryPolicy, type RetryOptions, type RetryPolicy } from "./core/backoff.ts";
import type { ResolvedOptions } from "./core/context.ts";
import type { Logger } from "./core/logger.ts";
import { checkDuration, checkFetch } from "./core/check-options.ts";
import { InvalidInputError } from "./errors/invalid-input-error.ts";

export interface LuccaFilesClientOptions {
  /** The API's base URL, e.g. `https://example.ilucca.net` or the sandbox's URL. */
  baseUrl?: string | undefined;
  /** Instead of `baseUrl`: the account's host, e.g. `example.ilucca.net` (https). */
  host?: string | undefined;
  /** Client credentials (the token is fetched and cached), or an access token you manage. */
  auth: ClientCredentials | { accessToken: AccessTokenSource };
  /**
   * The `Api-Version` sent on every request: a known version, or any later date, which the
   * API resolves to the closest earlier version. Default: the newest version of the spec.
   */
  apiVersion?: ApiVersion | undefined;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch | undefined;
  /**
   * Per attempt, in ms, until the answer's headers arrive (an upload's progress restarts it;
   * in a browser, which reports none, it covers the whole upload), and the longest silence
   * between two chunks of an answer's body. Default 60 000; 0: none.
   */
  timeout?: number | undefined;
  /** For a whole call with its retries and waits, in ms, to the last byte of its answer (a download's content excepted). Default 0: none. */
  totalTimeout?: number | undefined;
  retry?: RetryOptions | undefined;
  /** Receives debug and warning lines, with every secret redacted. */
  logger?: Logger | undefined;
  /** The largest upload body the client sends, in bytes. Default: the API's documented limit. */
  maxUploadBytes?: number | undefined;
  /**
   * A client secret in a browser can be read by anyone who opens the page, so the client
   * refuses it there unless this is true (for a local sandbox, say); a browser build also
   * needs `auth: clientCredentials(…)` from `@lucca-api/client/client-credentials`.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** Checks every option up front, so that a mistake surfaces with its field name and fix. */
export function resolveOptions(options: LuccaFilesClientOptions): Omit<ResolvedOptions, "startDeadline" | "keepBody"> {
  const baseUrl = resolveBaseUrl(options);
  checkAuth(options);
  const apiVersion = options.apiVersion ?? currentApiVersion;
  checkApiVersion(apiVersion);
  const fetchFunction = checkFetch(options.fetch);
  const policy: RetryPolicy = { ...defaultRetryPolicy };
  for (const key of Object.keys(policy) as (keyof RetryPolicy)[]) policy[key] = checkDuration(`retry.${key}`, options.retry?.[key] ?? policy[key]);
  if (!Number.isInteger(policy.maxRetries)) throw new InvalidInputError("retry.maxRetries", `'${policy.maxRetries}' must be a whole number of retries, e.g. 2.`);
  return {
    baseUrl,
    apiOrigin: new URL(baseUrl).origin,
    apiVersion,
    fetch: fetchFunction.bind(globalThis),
    timeout: checkDuration("timeout", options.timeout ?? 60_000),
    totalTimeout: checkDuration("totalTimeout", options.totalTimeout ?? 0),
    policy,
    maxUploadBytes: checkDuration("maxUploadBytes", options.maxUploadBytes ?? maxRequestBodyBytes),
  };
}

function resolveBaseUrl({ baseUrl, host }: LuccaFilesClientOptions): string {
  const field = baseUrl !== undefined ? "baseUrl" : "host";
  const example = field === "host" ? "a host name, e.g. 'example.ilucca.net' (a URL goes in baseUrl)" : "an http(s) URL without query or fragment, e.g. 'https://example.ilucca.net'";
  if ((baseUrl === undefined) === (host === undefined)) throw new InvalidInputError("baseUrl", "pass either `baseUrl` or `host`, e.g. host: 'example.ilucca.net'.");
  const candidate = baseUrl ?? `https://${host}`;
  const url = URL.canParse(candidate) ? new URL(candidate) : undefined;
  // A host is a name (and port) only: with a path or credentials, `https://${host}` is another URL (`https://https//…`).
  if (!url || /[/\\@]/.test(host ?? "") || !/^https?:$/.test(url.protocol) || url.search || url.hash) throw new InvalidInputError(field, `'${baseUrl ?? host}' must be ${example}.`);
  return url.toString().replace(/\/+$/, "");
}

function checkAuth({ auth }: LuccaFilesClientOptions): void {
  if (!auth || typeof auth !== "object") throw new InvalidInputError("auth", "is required: { accessToken } or { clientId, clientSecret }.");
  // Client credentials are checked with their provider (`auth/client-credentials.ts`).
  if ("accessToken" in auth && typeof auth.accessToken !== "function" && (typeof auth.accessToken !== "string" || auth.accessToken === "")) {
    throw new InvalidInputError("auth.accessToken", "must be a non-empty string or a function returning one.");
  }
}


/** A date the API reads as a version: the spec's `YYYY-MM-DD` form, on or after the first version. */
function checkApiVersion(apiVersion: unknown): void {
  const [firstVersion = currentApiVersion] = apiVersions;
  // A day of the calendar: `Date` reads 2030-02-30 as 2030-03-02, so it must give the same day back.
  const day = typeof apiVersion === "string" && new RegExp(apiVersionPattern).test(apiVersion) && new Date(`${apiVersion}T00:00:00Z`).toJSON()?.startsWith(apiVersion);
  if (day && (apiVersion as string) >= firstVersion) return;
  // A Date is shown as its timestamp (not its local text, 'Mon Nov 30 2026 …'): its first ten characters are the form asked.
  throw new InvalidInputError("apiVersion", `'${(apiVersion instanceof Date && apiVersion.toJSON()) || String(apiVersion)}' must be a date (YYYY-MM-DD) on or after ${firstVersion}, e.g. ${currentApiVersion}.`);
}
