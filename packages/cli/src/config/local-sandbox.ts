import { oauth2, servers } from "@lucca-api/types";

/**
 * Where `npm start` serves the sandbox: the spec's loopback server (`servers`), with the
 * token endpoint at the spec's token path on that origin, as the sandbox serves it.
 */
export const localSandboxUrl: string = loopbackServer();

export function sandboxTokenUrl(baseUrl: string): string {
  return new URL(new URL(oauth2.tokenUrl).pathname, baseUrl).toString();
}

/**
 * The sandbox's demo client (`demoClient` of `@lucca-api/sandbox`, which `npm start`
 * prints). Depending on the sandbox for two strings would install a server (its spec
 * copy, Ajv, busboy) with every CLI, so the pair is written here once;
 * `test/local-sandbox.test.ts` fails if it drifts from the sandbox's.
 */
export const demoCredentials = { clientId: "demo", clientSecret: "demo-secret" } as const;

function loopbackServer(): string {
  const local = servers.find(({ url }) => URL.canParse(url) && new URL(url).hostname === "127.0.0.1");
  if (!local) throw new Error("the spec lists no 127.0.0.1 server for the local sandbox; `--sandbox` needs one (see spec/openapi.yaml, servers).");
  return local.url;
}
