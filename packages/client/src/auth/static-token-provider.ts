import type { TokenProvider } from "./token-provider.ts";

/** A token the caller manages: a string, or a function called before each request. */
export type AccessTokenSource = string | (() => string | Promise<string>);

/**
 * Wraps an access token the caller already has. A function is asked again after a 401,
 * so it can hand out a refreshed token; a fixed string cannot change, so no retry.
 */
export function createStaticTokenProvider(source: AccessTokenSource): TokenProvider {
  const seen = new Set<string>();
  return {
    async getToken() {
      const token = typeof source === "function" ? await source() : source;
      seen.add(token);
      return token;
    },
    invalidate: () => typeof source === "function",
    secrets: () => seen,
  };
}
