/**
 * `POST /connect/token`: the OAuth 2 client-credentials grant (RFC 6749, section 4.4).
 * Clients authenticate with `client_secret_basic` or `client_secret_post` (section 2.3.1);
 * errors are RFC 6749 section 5.2 bodies, not problem details, as OAuth clients expect.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { oauth2, responseHeaders } from "@lucca-api/types";
import type { AuthAttempt, ClientAuthThrottle } from "./client-auth-throttle.ts";
import { readSmallBody } from "./http/body.ts";
import { sendJson } from "./http/respond.ts";
import type { SandboxClient } from "./options.ts";
import { echoed, isProblem } from "./problem.ts";
import type { TokenSigner } from "./signed-token.ts";

/** The token endpoint's path: the spec's token URL, served on the sandbox's own origin. */
export const tokenPath = new URL(oauth2.tokenUrl).pathname;

const formMediaType = "application/x-www-form-urlencoded";
const maxFormBytes = 16 * 1024;

/**
 * RFC 6749 section 5.2's codes, plus `temporarily_unavailable` (section 4.1.2.1) for a
 * throttled client: section 5.2 has no code for "too many attempts", and that is the
 * registered code closest in meaning.
 */
type OAuthErrorCode = "invalid_request" | "invalid_client" | "unsupported_grant_type" | "invalid_scope" | "temporarily_unavailable";

class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status = 400,
    readonly retryAfterSeconds?: number,
  ) {
    super(description);
  }
}

export interface TokenEndpointContext {
  clients: SandboxClient[];
  signer: TokenSigner;
  accessTokenTtlSeconds: number;
  throttle: ClientAuthThrottle;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The client's id and secret, from exactly one of the two methods. */
function credentialsOf(request: IncomingMessage, form: URLSearchParams): { id: string; secret: string; basic: boolean } {
  const authorization = request.headers.authorization;
  const posted = form.has("client_id") || form.has("client_secret");
  if (authorization !== undefined) {
    if (posted) throw new OAuthError("invalid_request", "Send the client credentials once: either the Authorization header or client_id/client_secret in the body.");
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization);
    const decoded = match ? Buffer.from(match[1]!, "base64").toString("utf8") : "";
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new OAuthError("invalid_client", "The Authorization header must be Basic base64(client_id:client_secret).", 401);
    // RFC 6749 section 2.3.1: both halves are form-urlencoded before base64.
    const unform = (value: string) => decodeURIComponent(value.replace(/\+/g, " "));
    try {
      return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)), basic: true };
    } catch {
      throw new OAuthError("invalid_client", "The Basic credentials are not form-urlencoded: percent-encode client_id and client_secret before base64.", 401);
    }
  }
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  if (!id) throw new OAuthError("invalid_request", "client_id is missing: send it in the form body, or use HTTP Basic authentication.");
  if (!secret) throw new OAuthError("invalid_client", "client_secret is missing: send it in the form body, or use HTTP Basic authentication.", 401);
  return { id, secret, basic: false };
}

/** 429 while `attempt` is locked out by too many failed authentications. */
function checkThrottle(attempt: AuthAttempt, throttle: ClientAuthThrottle): void {
  const lockout = throttle.lockout(attempt);
  if (lockout)
    throw new OAuthError(
      "temporarily_unavailable",
      `Too many failed client authentications for ${echoed(lockout.subject)} (${lockout.limit} a minute): retry after ${lockout.retryAfterSeconds} seconds, with the right client_id and client_secret.`,
      429,
      lockout.retryAfterSeconds,
    );
}

/** Runs `work`; a failed client authentication (401) in it counts against `attempt`. */
function countingFailures<T>(attempt: AuthAttempt, throttle: ClientAuthThrottle, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof OAuthError && error.status === 401) throttle.fail(attempt);
    throw error;
  }
}

function issue(request: IncomingMessage, form: URLSearchParams, context: TokenEndpointContext) {
  const grantType = form.get("grant_type");
  if (!grantType) throw new OAuthError("invalid_request", "grant_type is missing: send grant_type=client_credentials.");
  const address = { address: request.socket.remoteAddress ?? "unknown" };
  checkThrottle(address, context.throttle);
  const credentials = countingFailures(address, context.throttle, () => credentialsOf(request, form));
  const attempt = { ...address, clientId: credentials.id };
  checkThrottle(attempt, context.throttle);
  if (grantType !== "client_credentials")
    throw new OAuthError("unsupported_grant_type", `grant_type '${echoed(grantType)}' is not supported: send grant_type=client_credentials.`);
  const client = countingFailures(attempt, context.throttle, () => {
    const known = context.clients.find((candidate) => candidate.clientId === credentials.id);
    if (!known || !sameSecret(credentials.secret, known.clientSecret)) throw new OAuthError("invalid_client", "Unknown client or wrong client secret.", 401);
    return known;
  });
  const asked = (form.get("scope") ?? "").split(" ").filter(Boolean);
  const denied = asked.filter((scope) => !client.scopes.includes(scope));
  if (denied.length > 0)
    throw new OAuthError("invalid_scope", `Scope ${echoed(denied.join(" "))} is not granted to client ${client.clientId}; it may ask for: ${client.scopes.join(" ")}.`);
  const scopes = asked.length > 0 ? asked : client.scopes;
  const exp = Math.floor(Date.now() / 1000) + context.accessTokenTtlSeconds;
  return {
    access_token: context.signer.sign("at+jwt", { sub: client.clientId, scope: scopes.join(" "), exp }),
    token_type: "Bearer",
    expires_in: context.accessTokenTtlSeconds,
    scope: scopes.join(" "),
  };
}

export async function handleTokenRequest(request: IncomingMessage, response: ServerResponse, context: TokenEndpointContext): Promise<void> {
  const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" };
  try {
    if (request.method !== "POST") throw new OAuthError("invalid_request", `The token endpoint takes POST, not ${request.method}.`, 405);
    const mediaType = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (mediaType !== formMediaType)
      throw new OAuthError("invalid_request", `Content-Type must be ${formMediaType}, got '${echoed(mediaType) || "(none)"}'.`);
    const form = new URLSearchParams(await readSmallBody(request, maxFormBytes));
    sendJson(response, 200, issue(request, form, context), noStore);
  } catch (error) {
    if (isProblem(error)) {
      sendJson(response, error.status, { error: "invalid_request", error_description: error.detail ?? error.message }, noStore);
      return;
    }
    if (!(error instanceof OAuthError)) throw error;
    const headers: Record<string, string> = { ...noStore };
    if (error.status === 401) headers["WWW-Authenticate"] = 'Basic realm="lucca-sandbox"';
    if (error.status === 405) headers.Allow = "POST";
    if (error.retryAfterSeconds !== undefined) headers[responseHeaders.retryAfter] = String(error.retryAfterSeconds);
    sendJson(response, error.status, { error: error.code, error_description: error.description }, headers);
  }
}
