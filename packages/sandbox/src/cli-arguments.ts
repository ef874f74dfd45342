/**
 * The command's arguments. The sandbox is configured by environment variables (so that
 * `npm start` needs none, see cli-config.ts); its only arguments are `--help` and
 * `--version`. Anything else is refused, naming the variables: `lucca-sandbox --help`
 * started a server, and `lucca-sandbox --port 5000` listened on 4010 all the same.
 */
import { readFileSync } from "node:fs";
import { defaultHost, defaultPort, demoClient } from "./options.ts";

export type CliAction = { kind: "start" } | { kind: "print"; text: string } | { kind: "refuse"; text: string };

/** How an argument reaches the command: `npm start` keeps `--help` for itself unless after `--`. */
const withArgument = (command: string) => (command === "npm start" ? "npm start --" : command);

const help = (command: string) => `${command}: a local server of the Lucca API's file resource (unofficial), with its OAuth 2 token endpoint.

Usage: ${command}            starts it, then prints its URL, the demo client (${demoClient.clientId} / ${demoClient.clientSecret}) and how to stop it
       ${withArgument(command)} --help     this text
       ${withArgument(command)} --version  its version

It takes no other argument: set these variables instead.
  PORT, HOST                          where to listen (default ${defaultHost}:${defaultPort})
  SANDBOX_DATA_DIR                    the data folder (default .sandbox-data in the current folder)
  SANDBOX_CLIENTS                     more clients: id:secret:scope scope,id2:secret2:scope
  SANDBOX_CONFIG                      a JSON file of options (e.g. {"clients": [...]})
  SANDBOX_DOCS_DIR                    a built API reference, served at /
  SANDBOX_PUBLIC_URL                  the URL clients reach it by (behind a proxy, in a container)
  SANDBOX_MAX_BODY_BYTES, SANDBOX_RATE_LIMIT_PER_MINUTE, SANDBOX_CLIENT_AUTH_FAILURES_PER_MINUTE
                                      the limits, the spec's by default
e.g. PORT=5000 ${command}
`;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { name: string; version: string };
  return `${manifest.name} ${manifest.version}\n`;
}

export function cliAction(args: readonly string[], command: string): CliAction {
  const [first] = args;
  if (first === undefined) return { kind: "start" };
  if (args.length === 1 && (first === "--help" || first === "-h")) return { kind: "print", text: help(command) };
  if (args.length === 1 && (first === "--version" || first === "-V")) return { kind: "print", text: version() };
  return { kind: "refuse", text: `sandbox: '${args.join(" ")}' is not an argument of ${command}, which is configured by environment variables (e.g. PORT=5000 ${command}); see ${withArgument(command)} --help.\n` };
}
