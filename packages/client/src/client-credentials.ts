/**
 * `@lucca-api/client/client-credentials`: OAuth 2 client credentials as an `auth` value
 * for the browser build, which leaves the grant out (a page cannot keep a client
 * secret). For a local sandbox only, with `dangerouslyAllowBrowser: true`:
 *
 *   createLuccaFilesClient({ baseUrl, auth: clientCredentials({ clientId, clientSecret, tokenUrl }), dangerouslyAllowBrowser: true })
 *
 * On Node, `auth: { clientId, clientSecret }` does the same without this import.
 */
export { clientCredentials } from "./auth/client-credentials.ts";
export type { ClientCredentials } from "./auth/client-credentials-provider.ts";
