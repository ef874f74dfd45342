/**
 * The client in a real browser: esbuild bundles it, chromium (Debian's, driven by
 * playwright-core) loads it from a page on another local origin, and it talks to the
 * sandbox across CORS. Without a Chromium it skips outside CI and fails in CI
 * (scripts/browser-tests/find-chromium.ts).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { contentDispositionHeader, fileIdParameter, fileTokenParameter, parameters, retrieveFileRoute, type Disposition } from "@lucca-api/types";
import { build } from "esbuild";
import { planBrowserTests } from "@lucca-api/scripts/find-chromium";
import { launchChromium, type Chromium } from "@lucca-api/scripts/launch-chromium";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ChecksWindow } from "./browser/page.ts";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

const here = dirname(fileURLToPath(import.meta.url));
/** The disposition `getFile` asks for. */
const asJson: Disposition = "json";
const plan = planBrowserTests();
let sandbox: TestSandbox;
let pageServer: Server;
let stallServer: Server;
let stallUrl: string;
let pageUrl: string;
let browser: Chromium;

beforeAll(async () => {
  if (!plan.executablePath) return; // skipped: no Chromium outside CI
  sandbox = await startTestSandbox();
  // Minified, as an application would ship it: error names and guards must survive
  // renaming. No `external`: the client must bundle for the browser with the defaults.
  const bundle = await build({ entryPoints: [join(here, "browser/page.ts")], bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  const script = bundle.outputFiles[0]!.text;
  pageServer = createServer((req, res) => {
    if (req.url === "/page.js") return void res.writeHead(200, { "Content-Type": "text/javascript" }).end(script);
    res.writeHead(200, { "Content-Type": "text/html" }).end('<!doctype html><script type="module" src="/page.js"></script>');
  });
  await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
  pageUrl = `http://localhost:${(pageServer.address() as AddressInfo).port}/`;
  // Lets the page's requests through CORS, then never answers (or sends headers only).
  stallServer = createServer((req, res) => {
    // What a server that lets no page call it answers: no CORS headers at all.
    if (req.url?.startsWith("/no-cors/")) return void res.writeHead(204).end();
    const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*" };
    if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
    if (req.url?.includes("/headers-only")) res.writeHead(200, { ...cors, "Content-Type": "application/json" }).flushHeaders();
    // A file's content, as the spec marks it (Content-Disposition, which CORS must let the page read).
    if (req.url?.includes("/content-only")) res.writeHead(200, { ...cors, "Access-Control-Expose-Headers": contentDispositionHeader, "Content-Type": "application/octet-stream", [contentDispositionHeader]: "attachment" }).write("0123456789");
  });
  await new Promise<void>((resolve) => stallServer.listen(0, "127.0.0.1", resolve));
  stallUrl = `http://127.0.0.1:${(stallServer.address() as AddressInfo).port}`;
  browser = await launchChromium({ executablePath: plan.executablePath });
});
afterAll(async () => {
  await browser?.close();
  pageServer?.close();
  stallServer?.closeAllConnections();
  stallServer?.close();
  await sandbox?.close();
});

it.skipIf(plan.skipReason)("in chromium, the client uploads, revalidates, downloads, fails with typed errors against the sandbox and times out on its own timers", async () => {
  const page = await browser.context.newPage();
  await page.goto(pageUrl);
  await page.waitForFunction(() => typeof (window as ChecksWindow).runChecks === "function");
  const results = await page.evaluate(([baseUrl, stall]) => (window as ChecksWindow).runChecks!(baseUrl!, stall!), [sandbox.url, stallUrl]);
  expect(results).toEqual({
    secretRefused: expect.stringMatching(/^auth\.clientSecret: a client secret in a browser is readable by anyone .*clientCredentials\(\) of @lucca-api\/client\/client-credentials/),
    withoutOptIn: expect.stringMatching(/^auth\.clientSecret: a client secret in a browser is readable by anyone .*dangerouslyAllowBrowser: true\)\.$/),
    uploaded: { fileName: "camera.jpg", contentType: "image/jpg", hasLink: true, lastProgress: 200_000 },
    streamUpload: "binary/octet-stream",
    nonAsciiName: "reçu été.pdf",
    unlistedType: expect.stringMatching(/^BadRequestError: 400 .*video\/quicktime.* The API did not take contentType 'video\/quicktime': pass contentType: 'binary\/octet-stream' to send the file as plain bytes\. \(POST /),
    namelessBlob: "fileName: is required for a source without a name (a Blob, bytes or a stream), e.g. { fileName: 'report.pdf' }.",
    metadata: { modified: true, sameETag: true },
    notModified: false,
    download: { fileName: "camera.jpg", size: 200_000, identical: true },
    nodeOnly: {
      saveTo: "saveTo: needs Node's file system; in a browser, read the download with blob(), bytes() or body.",
      path: "source.path: needs Node's file system; in a browser, upload a File or Blob (e.g. from an <input type=\"file\">).",
    },
    typedGet: true,
    typedContent: 200_000,
    notFound: true,
    notFoundName: "NotFoundError",
    noAnswer: "attempt 150",
    silentBody: "attempt 150",
    silentContent: "attempt 1000",
    corsRefused: `${retrieveFileRoute.method} ${stallUrl}/no-cors${retrieveFileRoute.path.replace(`{${fileIdParameter.name}}`, "x")}?${fileTokenParameter.name}=[redacted]&${parameters.disposition.name}=${asJson} got no answer; check the base URL and the network, and that the server lets this page's origin call it (CORS) (Failed to fetch).`,
    otherOrigin: expect.stringMatching(/^AuthenticationError: 401 .* The link's origin http:\/\/127\.0\.0\.1:\d+ is not baseUrl's \(http:\/\/localhost:\d+\), so no access token was sent\. /),
    blobType: "image/jpg",
    abortedRead: {
      bytes: "AbortError isAbortError true isLuccaError true",
      blob: "AbortError isAbortError true isLuccaError true",
      bytesWithReason: "AbortError isAbortError true isLuccaError true",
      body: "AbortError isAbortError true isLuccaError true",
    },
  });
});
