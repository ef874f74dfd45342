import type { TokenProvider } from "../core/token-provider.ts";
import type { ClientCredentials, ClientCredentialsDependencies } from "./client-credentials-provider.ts";

/** What the factory hands a client-credentials provider: its own plumbing, and the opt-in. */
export interface CredentialsContext extends ClientCredentialsDependencies {
  dangerouslyAllowBrowser: boolean | undefined;
  /** The API's origin: a local one wants a local token endpoint. */
  apiOrigin: string;
}

/** Checks client credentials and makes their token provider (`createCredentialsProvider`, in `client-credentials.ts`). */
export type CreateCredentialsProvider = (credentials: ClientCredentials, context: CredentialsContext) => TokenProvider;

/**
 * The key under which `clientCredentials()` puts the provider into the `auth` value, so
 * that a browser build carries it only when the app imports it.
 */
export const credentialsProviderKey = Symbol.for("@lucca-api/client/client-credentials");

/** The provider an `auth` value brought with it (`clientCredentials()`), if any. */
export function broughtProvider(auth: object): CreateCredentialsProvider | undefined {
  return (auth as { [credentialsProviderKey]?: CreateCredentialsProvider })[credentialsProviderKey];
}
