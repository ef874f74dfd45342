/**
 * @lucca-api/client for browsers (the `browser` export condition, which bundlers use
 * when they build for one). The same client, without what a browser cannot use: the
 * Node-only helpers (`{ path }` uploads, `saveTo`, `requestAccessToken`), which fail
 * here naming what to use instead, the extension table (a browser's File carries its own
 * type) and the streamed upload body (a browser sends a Blob).
 */
import type { requestAccessToken as requestAccessTokenOnNode } from "./auth/request-access-token.ts";
import { createClientFactory } from "./create-client.ts";
import { nodeOnlyError } from "./core/node-builtins.ts";
import { InvalidInputError } from "./errors/invalid-input-error.ts";

export * from "./exports.ts";
export type { AccessTokenGrant, RequestAccessTokenOptions } from "./auth/request-access-token.ts";

/** Node only: a client secret in a page is readable by anyone who opens it. */
export const requestAccessToken: typeof requestAccessTokenOnNode = () =>
  Promise.reject(new InvalidInputError("clientSecret", "a client secret in a browser is readable by anyone who opens the page. Get an access token on your server and pass `auth: { accessToken }`."));

/** Creates the client (see `LuccaFilesClientOptions`). */
export const createLuccaFilesClient = /* @__PURE__ */ createClientFactory({
  upload: {
    openPath: () => Promise.reject(nodeOnlyError({ field: "source.path", instead: 'in a browser, upload a File or Blob (e.g. from an <input type="file">).' })),
    extensionTypes: {},
    streamBody: undefined,
  },
  saveToPath: async (body) => {
    // The download would otherwise hold its connection open.
    await body.cancel().catch(() => undefined);
    throw nodeOnlyError({ field: "saveTo", instead: "in a browser, read the download with blob(), bytes() or body." });
  },
});
