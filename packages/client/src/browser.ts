/**
 * @lucca-api/client for browsers (the `browser` export condition, which bundlers use
 * when they build for one). The same client, without what a browser cannot use: the
 * Node-only helpers (`{ path }` uploads, `saveTo`), which fail here naming what to use
 * instead, the extension table (a browser's File carries its own type) and the streamed upload
 * body (a browser sends a Blob).
 */
import { createClientFactory } from "./create-client.ts";
import { nodeOnlyError } from "./core/node-builtins.ts";

export * from "./exports.ts";

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
