/**
 * Compact HS256 JWTs (RFC 7519, following RFC 8725's advice: one algorithm, an explicit
 * `typ` per kind of token so that an access token is never accepted as a file token).
 * The key lives in the data folder, so tokens survive a restart as files do.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type TokenKind = "at+jwt" | "file+jwt";

export interface TokenClaims {
  sub: string;
  exp: number;
  scope?: string;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: "malformed" | "signature" | "expired" };

export class TokenSigner {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    this.#key = key;
  }

  #sign(input: string): string {
    return createHmac("sha256", this.#key).update(input).digest("base64url");
  }

  sign(kind: TokenKind, claims: TokenClaims): string {
    const input = `${encode({ alg: "HS256", typ: kind })}.${encode(claims)}`;
    return `${input}.${this.#sign(input)}`;
  }

  verify(kind: TokenKind, token: string, nowSeconds = Date.now() / 1000): VerifyResult {
    const parts = token.split(".");
    if (parts.length !== 3) return { ok: false, reason: "malformed" };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.#sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature" };
    try {
      const head = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
      const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TokenClaims;
      if (head.alg !== "HS256" || head.typ !== kind || typeof claims.sub !== "string" || typeof claims.exp !== "number")
        return { ok: false, reason: "malformed" };
      if (claims.exp <= nowSeconds) return { ok: false, reason: "expired" };
      return { ok: true, claims };
    } catch {
      return { ok: false, reason: "malformed" };
    }
  }
}
