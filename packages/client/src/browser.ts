/**
 * @lucca-api/client for browsers (the `browser` export condition, which bundlers use
 * when they build for one). The same client, without what a browser cannot or must not
 * use: the Node-only helpers (`{ path }` uploads, `saveTo`), which fail here naming what
 * to use instead; the client-credentials grant, which needs a secret a page cannot keep
 * (RFC 6749, section 2.1: `auth: { accessToken }` instead, or `clientCredentials()` from
 * `@lucca-api/client/client-credentials` for a local sandbox); the extension table and the
 * spec's list of accepted types (a browser's File carries its own type, which the API
 * checks); and the framed, streamed upload body (a browser sends a FormData it frames).
 */
import type { requestAccessToken as requestAccessTokenOnNode } from "./auth/request-access-token.ts";
import { secretInBrowser } from "./auth/secret-in-browser.ts";
import { createClientFactory } from "./create-client.ts";
import { nodeOnlyError, pathUpload, saveToPath } from "./core/node-builtins.ts";
import { freshBody } from "./core/fresh-body.ts";
import { startTimerDeadline } from "./core/timer-deadline.ts";
import { InvalidInputError } from "./errors/invalid-input-error.ts";
import { bufferSource, formDataBody } from "./upload/buffer-source.ts";
import { browserContentType } from "./upload/content-type-aliases.ts";

export * from "./exports.ts";
export type { AccessTokenGrant, RequestAccessTokenOptions } from "./auth/request-access-token.ts";

/** Node only: a client secret in a page is readable by anyone who opens it. */
export const requestAccessToken: typeof requestAccessTokenOnNode = () => Promise.reject(new InvalidInputError("clientSecret", `${secretInBrowser}.`));

/** Creates the client (see `LuccaFilesClientOptions`). */
export const createLuccaFilesClient = /* @__PURE__ */ createClientFactory({
  upload: {
    prepare: (source) => bufferSource(source, () => Promise.reject(nodeOnlyError(pathUpload))),
    contentType: browserContentType,
    multipart: formDataBody,
  },
  saveToPath: async (body) => {
    // The download would otherwise hold its connection open.
    await body.cancel().catch(() => undefined);
    throw nodeOnlyError(saveToPath);
  },
  clientCredentials: () => {
    throw new InvalidInputError("auth.clientSecret", `${secretInBrowser} (for a local sandbox only: clientCredentials() of @lucca-api/client/client-credentials, with dangerouslyAllowBrowser: true).`);
  },
  startDeadline: startTimerDeadline,
  keepBody: freshBody,
  unansweredHint: ", and that the server lets this page's origin call it (CORS)",
});
