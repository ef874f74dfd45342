import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { exitCodes } from "../src/cli/exit-codes.ts";
import { eventually, runCli, spawnCli } from "./helpers/run-cli.ts";
import { demoClient, startHoldingProxy, startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let proxy: Awaited<ReturnType<typeof startHoldingProxy>>;
let folder: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  proxy = await startHoldingProxy(sandbox.url, 256 * 1024);
  folder = await mkdtemp(join(tmpdir(), "lucca-cli-cancel-"));
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
});

it("Ctrl-C mid-download exits 130 and leaves no partial file", async () => {
  const source = join(folder, "big.bin");
  await writeFile(source, new Uint8Array(4_000_000).fill(7));
  const uploaded = await runCli([...sandbox.flags, "upload", source]);
  // The same link through the proxy, which stops sending after 256 KiB and holds the connection.
  const link = uploaded.stdout.trim().split(/\s+/).at(-1)!.replace(sandbox.url, proxy.url);
  const into = await mkdtemp(join(folder, "into-"));
  const env = { LUCCA_BASE_URL: proxy.url, LUCCA_TOKEN_URL: `${proxy.url}${new URL(sandbox.tokenUrl).pathname}`, LUCCA_CLIENT_ID: demoClient.clientId, LUCCA_CLIENT_SECRET: demoClient.clientSecret };
  const { child, result } = spawnCli(["download", link, "-o", join(into, "big.bin")], { env });

  // Mid-download: the temporary file beside the target has received bytes.
  await eventually(async () => {
    const names = await readdir(into);
    return names.length === 1 && names[0]!.endsWith(".part") && (await stat(join(into, names[0]!))).size > 0;
  }, "the download's temporary file to fill");
  child.kill("SIGINT");

  const { code, stderr } = await result;
  expect(code).toBe(exitCodes.cancelled);
  expect(stderr).toMatch(/^lucca-files: cancelled \(Ctrl-C\)\.$/m);
  expect(await readdir(into)).toEqual([]);
});
