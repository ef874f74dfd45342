export interface TokenRequest {
  fetch: typeof fetch;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  signal: AbortSignal;
}

/**
 * One token request: RFC 6749 section 4.4.2, credentials in the form body
 * (`client_secret_post`), scopes space-separated. Redirects are refused so the secret
 * cannot be forwarded to another host.
 */
export function requestToken({ fetch, tokenUrl, clientId, clientSecret, scopes, signal }: TokenRequest): Promise<Response> {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: clientId,
    client_secret: clientSecret,
    scope: scopes.join(" "),
  });
  return fetch(tokenUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body,
    signal,
    redirect: "error",
  });
}
