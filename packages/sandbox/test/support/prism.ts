/**
 * Prism's validating proxy (`prism proxy --errors`, from @stoplight/prism-cli) in front of
 * a sandbox: every request and answer that passes through it is checked against the
 * bundled spec, by a validator that is not ours. Prism is a devDependency of this package
 * for these tests only (about 90 MB): it is the validating proxy integrators put in front
 * of an API, and it reads the spec its own way, so it catches what our own checker would
 * share a blind spot with. 5.14.2 is its last release that runs on Node 20. It runs with
 * this repository's patches (patches/README.md: Prism does not check a multipart part's
 * type against the spec, and answers 500 to HEAD), checked before it starts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { assertPatchesApplied } from "./prism-patches.ts";

const prismBin = fileURLToPath(new URL("../../node_modules/.bin/prism", import.meta.url));
const specJson = createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");

export interface PrismProxy {
  url: string;
  /** Everything Prism printed so far (its log names each violation). */
  output(): string;
  close(): Promise<void>;
}

/** A port the system just handed out (listen on 0, then close), for a program that needs a number. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function resolvedBin(): Promise<string> {
  // node_modules/.bin may be hoisted to the repository root.
  const { existsSync } = await import("node:fs");
  return existsSync(prismBin) ? prismBin : fileURLToPath(new URL("../../../../node_modules/.bin/prism", import.meta.url));
}

export async function startPrismProxy(upstream: string): Promise<PrismProxy> {
  await assertPatchesApplied();
  const port = await freePort();
  const child: ChildProcess = spawn(await resolvedBin(), ["proxy", specJson, upstream, "--errors", "--host", "127.0.0.1", "--port", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const check = () => (output.includes("Prism is listening") ? resolve() : undefined);
    child.stdout!.on("data", check);
    child.once("exit", (code) => reject(new Error(`prism exited (${code}) before listening:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
