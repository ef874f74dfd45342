import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { createRecentTokens } from "../core/recent-tokens.ts";
import type { TokenProvider } from "../core/token-provider.ts";

/** A token the caller manages: a string, or a function called before each request. */
export type AccessTokenSource = string | (() => string | Promise<string>);

/**
 * Wraps an access token the caller already has. A function is asked again after a 401,
 * so it can hand out a refreshed token; a fixed string cannot change, so no retry.
 */
export function createStaticTokenProvider(source: AccessTokenSource): TokenProvider {
  const seen = createRecentTokens();
  const check = (token: unknown): string => {
    if (typeof token !== "string" || token === "") {
      throw new InvalidInputError("auth.accessToken", "the function must return a non-empty string.");
    }
    // `Bearer Bearer …` would be the API's 401 "not a valid access token", which says nothing of the scheme.
    if (/^bearer\s/i.test(token)) throw new InvalidInputError("auth.accessToken", "starts with 'Bearer ', which the client adds; pass the token alone.");
    seen.add(token);
    return token;
  };
  // A string is checked when the client is created, as every option is.
  if (typeof source === "string") check(source);
  return {
    // A string is handed back as it is: no promise to wait for on each request.
    getToken: () => (typeof source === "function" ? callSource(source).then(check) : check(source)),
    invalidate: () => typeof source === "function",
    secrets: () => seen.values(),
  };
}

/** A failing token function is the caller's to fix: its error is the `cause`, and it is not retried. */
async function callSource(source: () => string | Promise<string>): Promise<string> {
  try {
    return await source();
  } catch (cause) {
    throw new InvalidInputError("auth.accessToken", `the function threw (${cause instanceof Error ? cause.message : String(cause)}); fix it to return the access token.`, { cause });
  }
}
