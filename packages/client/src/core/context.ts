import type { ApiVersion } from "@lucca-api/types";
import type { Client } from "openapi-fetch";
import type { RetryPolicy } from "./backoff.ts";
import type { ClientPaths, JsonMediaType } from "./client-paths.ts";
import type { StartDeadline } from "./deadline.ts";
import type { KeepBody } from "./kept-body.ts";
import type { RedactingLogger } from "./logger.ts";
import type { Transport } from "./transport.ts";

/** What the file helpers share: the typed client, the transport under it, the options. */
export interface ClientContext {
  api: Client<ClientPaths, JsonMediaType>;
  transport: Transport;
  options: ResolvedOptions;
  logger: RedactingLogger;
}

/** The options once checked, with their defaults filled in (`resolveOptions`), and the platform's waits, answers and link reader. */
export interface ResolvedOptions {
  baseUrl: string;
  apiOrigin: string;
  apiVersion: ApiVersion;
  fetch: typeof fetch;
  timeout: number;
  totalTimeout: number;
  policy: RetryPolicy;
  maxUploadBytes: number;
  startDeadline: StartDeadline;
  keepBody: KeepBody;
  /** The platform's reader of a link on `baseUrl` without a URL parser (`Platform.readPlainLink`). */
  readPlainLink?: ReadPlainLink | undefined;
  /** `Platform.unansweredHint`. */
  unansweredHint?: string | undefined;
}

/**
 * Reads a file link on the client's own base URL without a URL parser: its id, token and
 * base URL, or undefined for `parseFileLink` to read it.
 */
export type ReadPlainLink = (href: string, client: { baseUrl: string; apiOrigin: string }) => { id: string; token: string; baseUrl: string } | undefined;
