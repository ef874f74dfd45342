/**
 * @lucca-api/client: a thin typed client for the Lucca API's file resource. This entry
 * is for Node (and any runtime without the `browser` export condition): uploads from
 * `{ path }`, `saveTo`, content types inferred from the file name's extension, and
 * request bodies streamed in constant memory.
 */
import { createCredentialsProvider } from "./auth/client-credentials.ts";
import { createClientFactory } from "./create-client.ts";
import { saveToPath } from "./download/save-to-path.ts";
import { extensionTypes } from "./upload/extension-types.ts";
import { openPath } from "./upload/open-path.ts";
import { streamBody } from "./upload/stream-body.ts";

export * from "./exports.ts";
// Node only: a client secret has no place in a browser (the factory refuses one there too).
export { requestAccessToken, type AccessTokenGrant, type RequestAccessTokenOptions } from "./auth/request-access-token.ts";

/** Creates the client (see `LuccaFilesClientOptions`). */
export const createLuccaFilesClient = /* @__PURE__ */ createClientFactory({
  upload: { openPath, extensionTypes, streamBody },
  saveToPath,
  clientCredentials: createCredentialsProvider,
});
