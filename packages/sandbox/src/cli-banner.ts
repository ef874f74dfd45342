/**
 * What the CLI prints (`npm start`, `npx @lucca-api/sandbox`): the banner once it listens,
 * the last thing on the screen, and one line when it cannot listen.
 */
import { demoClient, type SandboxClient } from "./options.ts";
import { servedSpecPath } from "./spec-document.ts";

export interface BannerInput {
  url: string;
  tokenUrl: string;
  /** The origin links are built from, when it is not `url` (behind a proxy). */
  publicUrl?: string | undefined;
  dataDir: string;
  /** The built API reference being served at `/`, if any. */
  docsDir: string | undefined;
  clients: readonly SandboxClient[];
}

/** How to reach the sandbox, the demo credentials, and how to stop it and start over. */
export function banner({ url, tokenUrl, publicUrl, dataDir, docsDir, clients }: BannerInput): string {
  const others = clients.filter((client) => client !== demoClient).map((client) => client.clientId);
  return [
    "",
    `Lucca files API sandbox (unofficial) on ${url}`,
    `  token endpoint  ${tokenUrl}`,
    ...(publicUrl ? [`  public URL      ${publicUrl} (links are built from it)`] : []),
    `  demo client     client_id=${demoClient.clientId} client_secret=${demoClient.clientSecret} scope="${demoClient.scopes.join(" ")}"`,
    ...(others.length > 0 ? [`  other clients   ${others.join(", ")}`] : []),
    `  API reference   ${docsDir ? `${url}/` : `not served; the spec it implements: ${url}${servedSpecPath}`}`,
    // An installed sandbox has no reference: say what its user can do there, not a command of the repository.
    ...(docsDir ? [] : ["                  (SANDBOX_DOCS_DIR=<folder of a built reference> serves one at /; the README says how to build it)"]),
    `  data folder     ${dataDir} (kept between runs)`,
    `  stop            Ctrl+C`,
    `  reset the data  stop, then delete the data folder: rm -r '${dataDir}'`,
    "",
  ].join("\n");
}

/**
 * One line for a failure to listen that the user can fix: the port is taken, or not theirs
 * to take. `command` is how they started the sandbox, to show the fix as a command line.
 */
export function listenFailure(error: NodeJS.ErrnoException, { host, port }: { host: string; port: number }, command: string): string | undefined {
  const address = `${host}:${port}`;
  const fix = `choose another port with PORT, e.g. PORT=${port < 65535 ? port + 1 : 4010} ${command}`;
  if (error.code === "EADDRINUSE") return `sandbox: port ${port} is taken (something already listens on ${address}): stop it, or ${fix}`;
  if (error.code === "EACCES") return `sandbox: not allowed to listen on ${address} (ports below 1024 need privileges): ${fix}`;
  if (error.code === "EADDRNOTAVAIL") return `sandbox: HOST=${host} is not an address of this machine: set HOST to one of its addresses, e.g. HOST=127.0.0.1`;
  if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN")
    return `sandbox: HOST=${host} is not a name this machine can resolve (${error.code}): set HOST to one of its addresses, e.g. HOST=127.0.0.1`;
  return undefined;
}
