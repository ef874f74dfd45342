import type { LuccaFilesClientOptions } from "@lucca-api/client";
import { localSandboxServerUrl } from "@lucca-api/types";
import { UsageError } from "../cli/usage-error.ts";
import { demoCredentials, sandboxTokenUrl } from "./local-sandbox.ts";

/** The environment variables the CLI reads (README, *Configuration*). */
export const environmentVariables = {
  baseUrl: "LUCCA_BASE_URL",
  clientId: "LUCCA_CLIENT_ID",
  clientSecret: "LUCCA_CLIENT_SECRET",
  tokenUrl: "LUCCA_TOKEN_URL",
  apiVersion: "LUCCA_API_VERSION",
} as const;

export interface ConnectionFlags {
  sandbox: boolean;
  host: string | undefined;
  apiVersion: string | undefined;
}

export interface ResolvedConfig {
  /** Where the API is, as the client takes it: `baseUrl` (a URL) or `host` (https). */
  target: { baseUrl: string } | { host: string };
  clientId: string;
  clientSecret: string;
  /** Undefined: the spec's token URL (the client's default). */
  tokenUrl: string | undefined;
  apiVersion: string | undefined;
  sandbox: boolean;
}

type Env = Record<string, string | undefined>;

/**
 * Flags over the environment. `--sandbox` takes the demo client and never the
 * environment's credentials, so that a production secret is not sent to a sandbox.
 */
export function resolveConfig(flags: ConnectionFlags, env: Env): ResolvedConfig {
  const apiVersion = flags.apiVersion ?? nonEmpty(env[environmentVariables.apiVersion]);
  if (flags.sandbox) {
    const baseUrl = flags.host === undefined ? localSandboxServerUrl : sandboxUrlOf(flags.host);
    return { target: { baseUrl }, ...demoCredentials, tokenUrl: sandboxTokenUrl(baseUrl), apiVersion, sandbox: true };
  }
  const where = flags.host ?? nonEmpty(env[environmentVariables.baseUrl]);
  if (where === undefined) {
    throw new UsageError(
      `no API to talk to: set ${environmentVariables.baseUrl} (e.g. https://example.ilucca.net) or pass --host example.ilucca.net; or try the local sandbox with --sandbox.`,
    );
  }
  const clientId = required(env, environmentVariables.clientId, "your API client's id");
  const clientSecret = required(env, environmentVariables.clientSecret, "your API client's secret");
  return {
    target: where.includes("://") ? { baseUrl: where } : { host: where },
    clientId,
    clientSecret,
    tokenUrl: nonEmpty(env[environmentVariables.tokenUrl]),
    apiVersion,
    sandbox: false,
  };
}

/** The client's options for this configuration. */
export function clientOptions(config: ResolvedConfig): LuccaFilesClientOptions {
  return {
    ...config.target,
    auth: { clientId: config.clientId, clientSecret: config.clientSecret, ...(config.tokenUrl ? { tokenUrl: config.tokenUrl } : {}) },
    // Checked by the client (a date of the spec's form, not before its first version); a wrong one is a usage error there.
    ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
  };
}

/**
 * A sandbox is local and plain http: `--host 127.0.0.1:4011` means `http://127.0.0.1:4011`.
 * Checked here, as the client checks `--host` without `--sandbox`: the token URL is
 * derived from it before the client sees it.
 */
function sandboxUrlOf(host: string): string {
  const candidate = host.includes("://") ? host : `http://${host}`;
  const url = URL.canParse(candidate) ? new URL(candidate) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
    const example = new URL(localSandboxServerUrl);
    throw new UsageError(`--host: '${host}' must be the sandbox's address, a host and port or an http URL, e.g. '${example.host}' or '${example.origin}'.`);
  }
  return candidate;
}

function required(env: Env, name: string, what: string): string {
  const value = nonEmpty(env[name]);
  if (value === undefined) throw new UsageError(`${name} is not set: export ${name} (${what}) in the environment, or try the local sandbox with --sandbox.`);
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
