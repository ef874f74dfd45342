/**
 * Prism's validating proxy (`prism proxy --errors`, from @stoplight/prism-cli) in front of
 * a sandbox: every request and answer that passes through it is checked against the
 * bundled spec, by a validator that is not ours. Prism is a devDependency of this package
 * for these tests only (about 90 MB): it is the validating proxy integrators put in front
 * of an API, and it reads the spec its own way, so it catches what our own checker would
 * share a blind spot with. 5.14.2 is its last release that runs on Node 20. It runs with
 * this repository's patches (patches/README.md: Prism does not check a multipart part's
 * type against the spec, and answers 500 to HEAD), checked before it starts.
 *
 * The proxy runs in the test's process: the server `prism proxy` starts
 * (@stoplight/prism-http-server), built as the command builds it
 * (prism-cli/dist/util/createServer.js, `createPrismServerWithLogger`) with the options
 * `prism proxy <spec> <upstream> --errors` gives it. A `prism` process cost 1.5 s of CPU to
 * load the ~90 MB of JavaScript that this process loads anyway for Prism's validator
 * (prism-validator.ts). The command's other steps do not change what the proxy checks:
 * its json-schema-faker settings are for mocked answers (a proxy forwards the upstream's),
 * and its log goes through signale to the terminal, where here it is kept as Prism's own
 * JSON lines.
 */
import { Writable } from "node:stream";
import { createRequire } from "node:module";
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";
import { assertPatchesApplied } from "./prism-patches.ts";

const specJson = createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");

export interface PrismProxy {
  url: string;
  /** Everything Prism logged so far (its log names each violation). */
  output(): string;
  close(): Promise<void>;
}

export async function startPrismProxy(upstream: string): Promise<PrismProxy> {
  await assertPatchesApplied();
  let output = "";
  const log = new Writable({
    write(chunk, _encoding, done) {
      output += chunk;
      done();
    },
  });
  // The command's logger, at its default level (`--verbose-level info`).
  const logger = createLogger("CLI", { level: "info" }, log);
  const operations = await getHttpOperationsFromSpec(specJson);
  // `prism proxy`'s defaults (prism-cli/dist/commands/sharedOptions.js and proxy.js), with --errors.
  const server = createServer(operations, {
    cors: true,
    config: {
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: true,
      mock: { dynamic: false, ignoreExamples: false },
      isProxy: true,
      upstream: new URL(upstream),
      upstreamProxy: undefined,
    },
    components: { logger: logger.child({ name: "HTTP SERVER" }) },
  });
  const url = await server.listen(0, "127.0.0.1");
  return { url, output: () => output, close: () => server.close() };
}
