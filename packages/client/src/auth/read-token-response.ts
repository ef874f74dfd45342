import { InvalidResponseError } from "../errors/invalid-response-error.ts";
import { TokenError, type OAuthErrorBody } from "../errors/token-error.ts";

/**
 * Reads the token endpoint's answer (RFC 6749, sections 5.1 and 5.2): the token, its
 * lifetime and the granted `scope` when the endpoint names it, or a `TokenError` with the
 * endpoint's `error` and `error_description`.
 */
export async function readTokenResponse(response: Response, tokenUrl: string): Promise<{ accessToken: string; expiresIn: number; scope: string | undefined }> {
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const oauth: OAuthErrorBody =
      body && typeof body.error === "string"
        ? { error: body.error, error_description: stringOrUndefined(body.error_description), error_uri: stringOrUndefined(body.error_uri) }
        : { error: `http_${response.status}`, error_description: "the token endpoint gave no RFC 6749 error body" };
    throw new TokenError(response.status, oauth, tokenUrl, hints.get(oauth.error));
  }
  if (!body || typeof body.access_token !== "string" || body.access_token === "") {
    throw new InvalidResponseError(response.status, `The token endpoint ${tokenUrl} answered ${response.status} without an access_token in a JSON body. Check \`auth.tokenUrl\`.`);
  }
  const expiresIn = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 300;
  return { accessToken: body.access_token, expiresIn, scope: stringOrUndefined(body.scope) };
}

/** What to do about the RFC 6749 (section 5.2) errors a client can fix; any other gets `TokenError`'s general hint. */
const hints = new Map([
  ["invalid_client", "Check `auth.clientId` and `auth.clientSecret`."],
  ["invalid_scope", "Ask only for scopes your client was granted (`auth.scopes`)."],
  ["unauthorized_client", "This client may not use the client-credentials grant; check its configuration."],
]);

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
