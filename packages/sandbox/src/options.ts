/**
 * The options of `startSandbox`, and their defaults. Every default that is an API fact
 * (limits, scopes, the local server's address) comes from the spec through `@lucca-api/types`.
 */
import { limits, localSandboxServerUrl, oauth2, type Scope } from "@lucca-api/types";

/**
 * Where the sandbox listens unless told otherwise: the spec's server for it, so that the
 * reference's samples and "try it" reach it as they are.
 */
const localServer = new URL(localSandboxServerUrl);
export const defaultHost = localServer.hostname.replace(/^\[(.*)\]$/, "$1");
// `URL.port` is empty for the scheme's own port: an `http://localhost` server means 80, not "any free port" (0).
export const defaultPort = Number(localServer.port || (localServer.protocol === "https:" ? 443 : 80));

/** An OAuth 2 client the sandbox's token endpoint knows. */
export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

/** The demo client `npm start` prints: every scope the spec defines. */
export const demoClient: SandboxClient = Object.freeze({
  clientId: "demo",
  clientSecret: "demo-secret",
  scopes: [...oauth2.scopes] as Scope[],
});

/** Where the sandbox reports what it does. Secrets are never passed to it. */
export interface SandboxLogger {
  info(message: string): void;
  error(message: string): void;
}

export interface SandboxOptions {
  /** Interface to bind; loopback unless told otherwise. Default `127.0.0.1` (the spec's local server's). */
  host?: string;
  /** Port to bind; `0` picks a free one. Default `4010` (the spec's local server's). */
  port?: number;
  /**
   * The URL clients reach the sandbox by, when it is not the one it listens on (behind a
   * proxy, in a container): links are built from it, and its host name is accepted in
   * `Host`. An origin: `https://files.example.test`, no path. Default: none, links use
   * the request's `Host`, which must then be a name the sandbox listens for.
   */
  publicUrl?: string;
  /** Folder of the stored files; created if missing. Default `.sandbox-data`. */
  dataDir?: string;
  /** The clients the token endpoint accepts. Default `[demoClient]`. */
  clients?: SandboxClient[];
  /** Largest request body, in bytes. Default: the spec's `maxRequestBodyBytes`. */
  maxBodyBytes?: number;
  /** Requests a client may make per minute. Default: the spec's `rateLimitRequestsPerMinute`. */
  rateLimitPerMinute?: number;
  /**
   * Failed client authentications at the token endpoint a client id may make per minute
   * from one address (an address: `clientsPerAddress` times as many) before the endpoint
   * answers 429 for it until the minute ends. Default 10.
   */
  clientAuthFailuresPerMinute?: number;
  /** Lifetime of an access token. Default 1800 s, as Lucca's token endpoint answers. */
  accessTokenTtlSeconds?: number;
  /** Lifetime of a per-file access token (`token` of `GET`). Default 3600 s. */
  fileTokenTtlSeconds?: number;
  /** If set, the built API reference served at `/` (its `index.html`) and below. */
  docsDir?: string;
  /** Where to report requests and failures. Default: silent. */
  logger?: SandboxLogger;
}

export type ResolvedOptions = Required<Omit<SandboxOptions, "docsDir" | "publicUrl">> & { docsDir: string | undefined; publicUrl: string | undefined };

const silent: SandboxLogger = { info() {}, error() {} };

function positiveInteger(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1))
    throw new TypeError(`SandboxOptions.${name} must be ${allowZero ? "a non-negative" : "a positive"} integer, got ${String(value)}.`);
  return value;
}

/**
 * The public URL as an origin (`https://host[:port]`), or a TypeError saying what to send,
 * naming the option (or, from the CLI, the variable) it came from.
 */
export function publicOrigin(value: string | undefined, name = "SandboxOptions.publicUrl"): string | undefined {
  if (value === undefined || value === "") return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || url.pathname !== "/" || url.search || url.hash)
    throw new TypeError(`${name} ${JSON.stringify(value)} must be an http(s) origin without path, query or credentials, e.g. https://files.example.test or http://localhost:8080.`);
  return url.origin;
}

/** Fills the defaults and refuses values that cannot work, naming the option. */
export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const clients = options.clients ?? [demoClient];
  clients.forEach((client, index) => {
    if (!client.clientId || !client.clientSecret)
      throw new TypeError(`SandboxOptions.clients[${index}] needs a non-empty clientId and clientSecret.`);
    const unknown = client.scopes.filter((scope) => !(oauth2.scopes as readonly string[]).includes(scope));
    if (unknown.length > 0)
      throw new TypeError(
        `SandboxOptions.clients[${index}] (${client.clientId}) has unknown scopes ${unknown.join(", ")}; the spec defines ${oauth2.scopes.join(", ")}.`,
      );
  });
  return {
    host: options.host ?? defaultHost,
    port: positiveInteger("port", options.port, defaultPort, true),
    publicUrl: publicOrigin(options.publicUrl),
    dataDir: options.dataDir ?? ".sandbox-data",
    clients,
    maxBodyBytes: positiveInteger("maxBodyBytes", options.maxBodyBytes, limits.maxRequestBodyBytes),
    rateLimitPerMinute: positiveInteger("rateLimitPerMinute", options.rateLimitPerMinute, limits.rateLimitRequestsPerMinute),
    clientAuthFailuresPerMinute: positiveInteger("clientAuthFailuresPerMinute", options.clientAuthFailuresPerMinute, 10),
    accessTokenTtlSeconds: positiveInteger("accessTokenTtlSeconds", options.accessTokenTtlSeconds, 1800),
    fileTokenTtlSeconds: positiveInteger("fileTokenTtlSeconds", options.fileTokenTtlSeconds, 3600),
    docsDir: options.docsDir,
    logger: options.logger ?? silent,
  };
}
