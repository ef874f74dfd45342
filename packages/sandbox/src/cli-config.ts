/**
 * The CLI's options, from the environment (and an optional JSON config file), so that
 * `npm start` needs no arguments and turbo's strict env mode has a short list to pass:
 *
 * - `PORT`, `HOST`: where to listen (default 127.0.0.1:4010).
 * - `SANDBOX_DATA_DIR`: the data folder (default `.sandbox-data` in the folder npm was run from).
 * - `SANDBOX_CLIENTS`: extra clients, `id:secret:scope scope,id2:secret2:scope`.
 * - `SANDBOX_CONFIG`: a JSON file with any `SandboxOptions` (e.g. `clients`).
 * - `SANDBOX_DOCS_DIR`: the built API reference to serve at `/` (default: `@lucca-api/docs`'s `dist/`).
 * - `SANDBOX_PUBLIC_URL`: the URL clients reach the sandbox by (behind a proxy, in a container).
 * - `SANDBOX_MAX_BODY_BYTES`, `SANDBOX_RATE_LIMIT_PER_MINUTE`: override the spec's limits.
 * - `SANDBOX_CLIENT_AUTH_FAILURES_PER_MINUTE`: failed token requests per client id from one address (an address: 10 times as many).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { defaultHost, defaultPort, demoClient, publicOrigin, type SandboxClient, type SandboxOptions } from "./options.ts";

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}=${raw} is not a non-negative integer: set it to a number such as 4010.`);
  return value;
}

/** A TCP port: Node's own refusal of 65536 and above names `options.port`, not the variable. */
function port(env: Env): number | undefined {
  const value = integer(env, "PORT");
  if (value !== undefined && value > 65535) throw new Error(`PORT=${value} is not a port: set it to a number from 0 to 65535, such as 4010.`);
  return value;
}

/** `id:secret:scope scope,id2:secret2:scope` → clients. */
export function parseClients(raw: string): SandboxClient[] {
  return raw
    .split(",")
    .filter((entry) => entry.trim() !== "")
    .map((entry, index) => {
      const [clientId = "", clientSecret = "", scopes = ""] = entry.trim().split(":");
      if (!clientId || !clientSecret)
        throw new Error(`SANDBOX_CLIENTS entry ${index + 1} needs the form id:secret:scope scope (the secret is not shown here).`);
      return { clientId, clientSecret, scopes: scopes.split(/\s+/).filter(Boolean) };
    });
}

/** The built API reference of the `@lucca-api/docs` workspace, when it has been built. */
export function defaultDocsDir(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve("@lucca-api/docs/package.json");
    const dist = join(dirname(manifest), "dist");
    return existsSync(join(dist, "index.html")) ? dist : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The JSON config file. V8's JSON errors quote the text around the fault, and the file
 * holds client secrets: the message names the file and the position only.
 */
function readConfigFile(path: string): SandboxOptions {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`SANDBOX_CONFIG=${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): check the path.`);
  }
  try {
    return JSON.parse(text) as SandboxOptions;
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new Error(`SANDBOX_CONFIG=${path} is not valid JSON${position ? ` (near character ${position})` : ""}: fix the file (its content is not shown here).`);
  }
}

/** The options with the defaults the CLI prints (where it listens, the data folder, the clients) filled in. */
export type CliOptions = SandboxOptions & Required<Pick<SandboxOptions, "host" | "port" | "dataDir" | "clients">>;

export function optionsFromEnv(env: Env, cwd: string): CliOptions {
  const fromFile: SandboxOptions = env.SANDBOX_CONFIG ? readConfigFile(resolve(cwd, env.SANDBOX_CONFIG)) : {};
  const extraClients = env.SANDBOX_CLIENTS ? parseClients(env.SANDBOX_CLIENTS) : [];
  const clients = [demoClient, ...(fromFile.clients ?? []), ...extraClients];
  const options: CliOptions = {
    ...fromFile,
    host: env.HOST || fromFile.host || defaultHost,
    port: port(env) ?? fromFile.port ?? defaultPort,
    dataDir: resolve(cwd, env.SANDBOX_DATA_DIR || fromFile.dataDir || ".sandbox-data"),
    clients,
  };
  const maxBodyBytes = integer(env, "SANDBOX_MAX_BODY_BYTES");
  if (maxBodyBytes !== undefined) options.maxBodyBytes = maxBodyBytes;
  const rateLimit = integer(env, "SANDBOX_RATE_LIMIT_PER_MINUTE");
  if (rateLimit !== undefined) options.rateLimitPerMinute = rateLimit;
  const authFailures = integer(env, "SANDBOX_CLIENT_AUTH_FAILURES_PER_MINUTE");
  if (authFailures !== undefined) options.clientAuthFailuresPerMinute = authFailures;
  // Checked here to name the variable; startSandbox takes the origin as it is.
  const publicUrl = publicOrigin(env.SANDBOX_PUBLIC_URL, "SANDBOX_PUBLIC_URL");
  if (publicUrl) options.publicUrl = publicUrl;
  const docsDir = env.SANDBOX_DOCS_DIR ? resolve(cwd, env.SANDBOX_DOCS_DIR) : (fromFile.docsDir ?? defaultDocsDir());
  if (docsDir) options.docsDir = docsDir;
  return options;
}
