import { oauth2, type Scope } from "@lucca-api/types";
import { runAttempts, type AttemptConfig } from "../core/attempts.ts";
import { createRecentTokens } from "../core/recent-tokens.ts";
import { readTokenResponse } from "./read-token-response.ts";
import { requestToken } from "./request-token.ts";
import type { TokenProvider } from "../core/token-provider.ts";

/** OAuth 2 client credentials (RFC 6749, section 4.4), as the API's security scheme says. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Default: every scope of the spec. */
  scopes?: readonly Scope[] | undefined;
  /** Default: the spec's token URL. */
  tokenUrl?: string | undefined;
}

export interface ClientCredentialsDependencies extends AttemptConfig {
  fetch: typeof fetch;
  /** The clock, in ms; tests move it to reach a token's expiry. */
  now?: (() => number) | undefined;
}

/**
 * Fetches a token with the client credentials and reuses it until shortly before it
 * expires (10% of its lifetime, at most a minute, early). Callers that arrive while a
 * token is being fetched share that one request. The secret lives only in this closure:
 * never in a field, an error or a log.
 */
export function createClientCredentialsProvider(credentials: ClientCredentials, deps: ClientCredentialsDependencies): TokenProvider {
  const { clientId, clientSecret } = credentials;
  const tokenUrl = credentials.tokenUrl ?? oauth2.tokenUrl;
  const scopes = credentials.scopes ?? oauth2.scopes;
  const now = deps.now ?? (() => Date.now());
  const issued = createRecentTokens();
  let current: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const response = await runAttempts(
      (signal) => requestToken({ fetch: deps.fetch, tokenUrl, clientId, clientSecret, scopes, signal }),
      { repeatable: true, repeatsEffect: false, signal: undefined, describe: () => `POST ${tokenUrl}`, startedAt: performance.now() },
      deps,
    );
    const { accessToken, expiresIn } = await readTokenResponse(response, tokenUrl);
    issued.add(accessToken);
    const lifetime = expiresIn * 1000;
    current = { token: accessToken, refreshAt: now() + lifetime - Math.min(60_000, lifetime / 10) };
    deps.logger.debug(`got an access token for client ${clientId}, valid ${expiresIn} s`);
    return accessToken;
  }

  return {
    getToken(signal) {
      if (current && now() < current.refreshAt) return current.token;
      pending ??= fetchToken().finally(() => (pending = undefined));
      return signal ? untilAborted(pending, signal) : pending;
    },
    invalidate(token) {
      if (current?.token === token) current = undefined;
      return true;
    },
    secrets: () => [clientSecret, ...issued.values()],
  };
}

/** Lets one caller stop waiting for the shared token request without cancelling it for the others. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
