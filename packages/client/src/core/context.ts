import type { Client } from "openapi-fetch";
import type { ClientPaths, JsonMediaType } from "./client-paths.ts";
import type { RedactingLogger } from "./logger.ts";
import type { ResolvedOptions } from "./options.ts";
import type { Transport } from "./transport.ts";

/** What the file helpers share: the typed client, the transport under it, the options. */
export interface ClientContext {
  api: Client<ClientPaths, JsonMediaType>;
  transport: Transport;
  options: ResolvedOptions;
  logger: RedactingLogger;
}
