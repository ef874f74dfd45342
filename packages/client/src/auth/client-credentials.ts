import { oauth2 } from "@lucca-api/types";
import { isBrowserLike } from "../core/environment.ts";
import type { TokenProvider } from "../core/token-provider.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { credentialsProviderKey, type CreateCredentialsProvider } from "./credentials-provider-key.ts";
import { createClientCredentialsProvider, type ClientCredentials } from "./client-credentials-provider.ts";
import { secretInBrowser } from "./secret-in-browser.ts";

/**
 * The client-credentials grant (RFC 6749, section 4.4) is for confidential clients,
 * which can keep a secret (section 2.1): a page cannot. On Node it is the usual `auth`;
 * where the code runs in a browser it needs `dangerouslyAllowBrowser: true` (a local
 * sandbox). Every field is checked before any request; the secret's value is never echoed.
 */
export const createCredentialsProvider: CreateCredentialsProvider = (credentials, context) => {
  checkClientCredentials(credentials, "auth.");
  if (isBrowserLike() && context.dangerouslyAllowBrowser !== true) {
    throw new InvalidInputError("auth.clientSecret", `${secretInBrowser} (for a local sandbox only: dangerouslyAllowBrowser: true).`);
  }
  checkLocalTokenUrl(credentials, context.apiOrigin);
  return createClientCredentialsProvider(credentials, context);
};

/**
 * Client credentials as an `auth` value that brings its own token provider: what a
 * browser build needs to use them (for a local sandbox, with `dangerouslyAllowBrowser`),
 * from `@lucca-api/client/client-credentials`. On Node, `auth: { clientId, clientSecret }`
 * does the same.
 */
export function clientCredentials(credentials: ClientCredentials): ClientCredentials {
  return Object.defineProperty({ ...credentials }, credentialsProviderKey, { value: createCredentialsProvider });
}

/** `prefix` is where the credentials sit in the caller's options: `auth.` for the client, none for `requestAccessToken`. */
export function checkClientCredentials({ clientId, clientSecret, scopes, tokenUrl }: ClientCredentials, prefix: string): void {
  if (typeof clientId !== "string" || clientId === "") throw new InvalidInputError(`${prefix}clientId`, "must be a non-empty string (your API client's id).");
  // The secret's value is never echoed, not even when it is wrong.
  if (typeof clientSecret !== "string" || clientSecret === "") throw new InvalidInputError(`${prefix}clientSecret`, "must be a non-empty string.");
  // A string (the OAuth `scope` parameter's form, `'files.readonly files.readwrite'`) would be read letter by letter.
  if (scopes !== undefined && !Array.isArray(scopes)) {
    const given: unknown = scopes;
    // The caller's own scopes as the example where they can be read (a string, a Set), else the API's.
    const example = typeof given === "string" ? given.trim().split(/\s+/) : given instanceof Set ? [...(given as Set<string>)] : oauth2.scopes;
    throw new InvalidInputError(`${prefix}scopes`, `'${String(scopes)}' must be an array, e.g. ['${example.join("', '")}'].`);
  }
  for (const scope of scopes ?? []) {
    if (!(oauth2.scopes as readonly string[]).includes(scope)) {
      throw new InvalidInputError(`${prefix}scopes`, `'${scope}' is not a scope of the API; use ${oauth2.scopes.join(" or ")}.`);
    }
  }
  if (tokenUrl !== undefined && !URL.canParse(tokenUrl)) {
    throw new InvalidInputError(`${prefix}tokenUrl`, `'${tokenUrl}' is not an absolute URL; leave it out to use ${oauth2.tokenUrl}.`);
  }
}

/**
 * A local API (the sandbox, a server under test) with the token URL left out would send
 * the client secret to Lucca's token endpoint, which cannot grant a token for it: refused,
 * naming the local one to pass (the sandbox serves the spec's token path). A local proxy
 * to Lucca passes Lucca's token URL explicitly.
 */
function checkLocalTokenUrl({ tokenUrl }: ClientCredentials, apiOrigin: string): void {
  const { hostname } = new URL(apiOrigin);
  if (tokenUrl !== undefined || !/^(localhost|.+\.localhost|127(\.\d+){3}|\[::1\])$/.test(hostname)) return;
  throw new InvalidInputError(
    "auth.tokenUrl",
    `is left out while baseUrl is local (${apiOrigin}), so the client secret would go to Lucca's ${oauth2.tokenUrl}; pass the local server's, e.g. tokenUrl: '${apiOrigin}${new URL(oauth2.tokenUrl).pathname}' for the sandbox (or tokenUrl: '${oauth2.tokenUrl}' to mean Lucca's).`,
  );
}
