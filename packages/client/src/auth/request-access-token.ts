import { oauth2 } from "@lucca-api/types";
import { startQueuedDeadline } from "../core/deadline.ts";
import { runAttempts } from "../core/attempts.ts";
import { defaultRetryPolicy } from "../core/backoff.ts";
import { createRedactingLogger } from "../core/logger.ts";
import { checkDuration, checkFetch } from "../core/check-options.ts";
import { checkClientCredentials } from "./client-credentials.ts";
import type { ClientCredentials } from "./client-credentials-provider.ts";
import { readTokenResponse } from "./read-token-response.ts";
import { requestToken } from "./request-token.ts";

/** What the token endpoint granted. */
export interface AccessTokenGrant {
  accessToken: string;
  /** Lifetime in seconds, from the answer's `expires_in`. */
  expiresIn: number;
  /** The granted scopes: the answer's `scope`, else the ones asked (RFC 6749, section 5.1). */
  scopes: string[];
  /** The token endpoint asked: `credentials.tokenUrl`, else the spec's (Lucca's). */
  tokenUrl: string;
}

export interface RequestAccessTokenOptions {
  fetch?: typeof fetch;
  /** Per attempt, in ms, until the answer's headers arrive. Default 60 000; 0: none. */
  timeout?: number;
  signal?: AbortSignal;
}

/**
 * Asks the token endpoint for one access token with client credentials and says what it
 * grants, for a tool or a script that checks its credentials. The client needs none of
 * this: it gets and caches its tokens by itself. Retried like the client's own token
 * requests; a refusal is a `TokenError`.
 */
export async function requestAccessToken(credentials: ClientCredentials, options: RequestAccessTokenOptions = {}): Promise<AccessTokenGrant> {
  const { clientId, clientSecret } = credentials;
  checkClientCredentials(credentials, "");
  const tokenUrl = credentials.tokenUrl ?? oauth2.tokenUrl;
  const scopes = credentials.scopes ?? oauth2.scopes;
  const fetchFunction = checkFetch(options.fetch);
  const timeout = checkDuration("timeout", options.timeout ?? 60_000);
  const response = await runAttempts(
    (signal) => requestToken({ fetch: fetchFunction, tokenUrl, clientId, clientSecret, scopes, signal }),
    { repeatable: true, repeatsEffect: false, signal: options.signal, describe: () => `POST ${tokenUrl}`, startedAt: performance.now() },
    { policy: defaultRetryPolicy, timeout, logger: createRedactingLogger(undefined, () => [clientSecret]), startDeadline: startQueuedDeadline },
  );
  const { accessToken, expiresIn, scope } = await readTokenResponse(response, tokenUrl);
  return { accessToken, expiresIn, scopes: scope !== undefined ? scope.split(" ").filter(Boolean) : [...scopes], tokenUrl };
}
