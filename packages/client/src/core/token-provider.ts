/**
 * Where the bearer token of each API request comes from. `invalidate` is called after a
 * 401 so that the next `getToken` fetches a fresh one; `secrets` lists what the logger
 * must never print.
 */
export interface TokenProvider {
  /** The token, as it is when cached (no promise to wait for), else once fetched. */
  getToken(signal?: AbortSignal): string | Promise<string>;
  /** Drops `token` if it is still the current one; true when a fresh token can be had. */
  invalidate(token: string): boolean;
  secrets(): Iterable<string>;
}
