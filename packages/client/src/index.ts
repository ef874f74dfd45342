/**
 * @lucca-api/client: a thin typed client for the Lucca API's file resource. This entry
 * is for Node (and any runtime without the `browser` export condition): uploads from
 * `{ path }`, `saveTo`, content types inferred from the file name's extension, and
 * request bodies streamed in constant memory.
 */
import { createCredentialsProvider } from "./auth/client-credentials.ts";
import { canStreamRequestBodies } from "./core/environment.ts";
import { createClientFactory } from "./create-client.ts";
import { startQueuedDeadline } from "./core/deadline.ts";
import { keepBody } from "./core/kept-body.ts";
import { saveToPath } from "./download/save-to-path.ts";
import { readPlainFileLink } from "./links/plain-file-link.ts";
import { blobBody, bufferSource } from "./upload/buffer-source.ts";
import { checkedContentType } from "./upload/content-type.ts";
import { extensionTypes } from "./upload/extension-types.ts";
import { openPath } from "./upload/open-path.ts";
import { framedBody } from "./upload/multipart-body.ts";
import { streamBody } from "./upload/stream-body.ts";
import { prepareSource } from "./upload/upload-source.ts";

export * from "./exports.ts";
// Node only: a client secret has no place in a browser (the factory refuses one there too).
export { requestAccessToken, type AccessTokenGrant, type RequestAccessTokenOptions } from "./auth/request-access-token.ts";

const contentType = checkedContentType(extensionTypes);

/** Creates the client (see `LuccaFilesClientOptions`). */
export const createLuccaFilesClient = /* @__PURE__ */ createClientFactory({
  upload: canStreamRequestBodies()
    ? { prepare: (source) => prepareSource(source, openPath), contentType, multipart: framedBody(streamBody) }
    : // Another runtime that takes this entry (a worker, say) may not stream request bodies: a Blob goes.
      { prepare: (source) => bufferSource(source, openPath), contentType, multipart: framedBody(blobBody) },
  saveToPath,
  clientCredentials: createCredentialsProvider,
  startDeadline: startQueuedDeadline,
  keepBody,
  readPlainLink: readPlainFileLink,
});
