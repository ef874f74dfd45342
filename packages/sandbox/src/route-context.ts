/** What every route handler needs from the running sandbox. */
import type { FileStore } from "./file-store.ts";
import type { ResolvedOptions } from "./options.ts";
import type { TokenSigner } from "./signed-token.ts";

export interface RouteContext {
  options: ResolvedOptions;
  store: FileStore;
  signer: TokenSigner;
  fileTokenTtlSeconds: number;
  /** `http://host:port` of the listening socket. */
  fallbackOrigin: string;
  /** The configured public origin, which links always use when set. */
  publicUrl: string | undefined;
}
