import { oauth2 } from "@lucca-api/types";

/**
 * The token endpoint of a sandbox at `baseUrl` (`localSandboxServerUrl` of
 * `@lucca-api/types` for `npm start`'s): the spec's token path on that origin, as the
 * sandbox serves it.
 */
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

/**
 * How someone who installed the CLI from npm starts the sandbox: `npx` runs the sandbox
 * package's one command, on `localSandboxServerUrl` (in the repository, `npm start` does
 * the same from the sources). `test/local-sandbox.test.ts` checks it names the package.
 */
export const sandboxStartCommand = "npx @lucca-api/sandbox";
