import { LuccaError, nameErrorClass } from "./lucca-error.ts";
import { sentences } from "./sentence.ts";

/** An RFC 6749 (section 5.2) error body of the token endpoint. */
export interface OAuthErrorBody {
  error: string;
  error_description?: string | undefined;
  error_uri?: string | undefined;
}

/**
 * The token endpoint refused to issue an access token. `error` and `errorDescription`
 * are the endpoint's own words (`invalid_client`, `invalid_scope`, ...). The client
 * secret is never part of this error.
 */
export class TokenError extends LuccaError {
  declare readonly status: number;
  declare readonly error: string;
  declare readonly errorDescription: string | undefined;
  declare readonly tokenUrl: string;

  /** `hint` says what to do about this `error` (the client's token requests give one per RFC 6749 error code). */
  constructor(status: number, body: OAuthErrorBody, tokenUrl: string, hint = "Check the `auth` option of the client.") {
    super(sentences(`The token endpoint ${tokenUrl} answered ${status} ${body.error}${body.error_description ? `: ${body.error_description}` : ""}`, hint));
    Object.assign(this, { status, error: body.error, errorDescription: body.error_description, tokenUrl });
  }
}

nameErrorClass(TokenError, "TokenError");
