/**
 * @lucca-api/sandbox: a local server that implements the spec's file operations and the
 * OAuth 2 token endpoint, for tests, demos and trying the API without a Lucca account.
 *
 * The contract checker (is this response one the spec allows?) is a separate entry
 * point, `@lucca-api/sandbox/contract`, so that the server's users do not load it.
 * The handlers, the store and the token signer are internal on purpose.
 */
export { startSandbox, type Sandbox } from "./server.ts";
export { demoClient, type SandboxClient, type SandboxLogger, type SandboxOptions } from "./options.ts";
