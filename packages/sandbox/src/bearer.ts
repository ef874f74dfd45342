/**
 * Bearer access tokens on the API (RFC 6750): who is calling, and may they call this
 * operation. The scopes an operation needs come from the spec's `security`.
 */
import type { IncomingMessage } from "node:http";
import { endpoints, type OperationId } from "@lucca-api/types";
import { Problem } from "./problem.ts";
import type { TokenSigner } from "./signed-token.ts";

const realm = 'realm="lucca-sandbox"';

/**
 * Authentication schemes of IANA's HTTP Authentication Scheme Registry (lower case): a
 * refusal names the scheme only when it is one of these. Anything else before the first
 * space may be a credential sent without its scheme (a token or a secret pasted alone),
 * and a problem's detail reaches logs.
 */
const registeredSchemes = new Set(["basic", "bearer", "concealed", "digest", "dpop", "gnap", "hoba", "mutual", "negotiate", "ntlm", "oauth", "privatetoken", "scram-sha-1", "scram-sha-256", "vapid"]);

export interface Caller {
  clientId: string;
  scopes: string[];
}

/** The caller of `operationId`, or a 401/403 problem with its `WWW-Authenticate`. */
export function authorize(request: IncomingMessage, operationId: OperationId, signer: TokenSigner): Caller {
  const header = request.headers.authorization;
  const scheme = header?.trim().split(/\s/)[0] ?? "";
  // RFC 6750 section 3.1: a request without bearer credentials (none, or another scheme
  // such as Basic) gets a challenge without an error code.
  if (scheme.toLowerCase() !== "bearer")
    throw new Problem(401, {
      detail: !header
        ? "The Authorization header is missing: send 'Authorization: Bearer <access_token>' with a token from the token endpoint."
        : registeredSchemes.has(scheme.toLowerCase())
          ? `The Authorization header uses the ${JSON.stringify(scheme)} scheme: this API takes 'Authorization: Bearer <access_token>' with a token from the token endpoint.`
          : "The Authorization header does not start with an authentication scheme: send 'Authorization: Bearer <access_token>' with a token from the token endpoint.",
      field: "Authorization",
      headers: { "WWW-Authenticate": `Bearer ${realm}` },
    });
  const match = /^Bearer\s+(\S+)$/i.exec(header!.trim());
  const verified = match ? signer.verify("at+jwt", match[1]!) : undefined;
  if (!verified?.ok) {
    const why = verified?.reason === "expired" ? "has expired" : "is not a valid access token of this sandbox";
    throw new Problem(401, {
      detail: `The bearer token ${why}: get a new one from the token endpoint.`,
      field: "Authorization",
      headers: { "WWW-Authenticate": `Bearer ${realm}, error="invalid_token"` },
    });
  }
  const scopes = (verified.claims.scope ?? "").split(" ").filter(Boolean);
  const alternatives = endpoints[operationId].scopes as readonly (readonly string[])[];
  if (!alternatives.some((needed) => needed.every((scope) => scopes.includes(scope)))) {
    const wanted = alternatives.map((needed) => needed.join(" ")).join(" or ");
    throw new Problem(403, {
      detail: `This operation needs the scope ${wanted}; the token has ${scopes.join(" ") || "none"}.`,
      field: "Authorization",
      headers: { "WWW-Authenticate": `Bearer ${realm}, error="insufficient_scope", scope="${alternatives[0]!.join(" ")}"` },
    });
  }
  return { clientId: verified.claims.sub, scopes };
}
