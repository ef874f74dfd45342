import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { currentApiVersion, endpoints, limits, localSandboxServerUrl, parameters, responseHeaders } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "./support/http-request.ts";
import { startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

describe("HTTP at the edges: CORS, header limit, unknown routes, the docs", () => {
  let harness: Harness;
  let docsDir: string;
  beforeAll(async () => {
    docsDir = await mkdtemp(join(tmpdir(), "lucca-sandbox-docs-"));
    await writeFile(join(docsDir, "index.html"), "<!doctype html><title>API reference</title>");
    await mkdir(join(docsDir, "2024-11-01"));
    const servers = JSON.stringify({ servers: [{ url: localSandboxServerUrl }] });
    await writeFile(join(docsDir, "2024-11-01", "index.html"), `<!doctype html><script>const spec = ${servers}</script>`);
    await writeFile(join(docsDir, "openapi.json"), servers);
    await writeFile(join(docsDir, "logo.svg"), `<svg><text>${localSandboxServerUrl}</text></svg>`);
    harness = await startHarness({ docsDir });
  });
  afterAll(async () => {
    await harness.close();
    await rm(docsDir, { recursive: true, force: true });
  });

  describe("CORS lets browser pages on localhost origins call the API", () => {
    const preflight = (origin: string) =>
      fetch(`${harness.sandbox.url}${uploadPath}`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, api-version" },
      });

    // Every loopback name the Host check accepts: a dev server at app.localhost (RFC 6761:
    // loopback by definition) or on 127.0.0.2 is on this machine too.
    it.each(["http://127.0.0.1:5173", "http://localhost:3000", "http://[::1]:8080", "http://app.localhost:5173", "http://127.0.0.2:8080"])("a preflight from %s is allowed", async (origin) => {
      const response = await preflight(origin);
      expect(response.status).toBe(204);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe(origin);
      const allowed = response.headers.get("Access-Control-Allow-Headers")!;
      for (const header of ["Authorization", parameters.apiVersion.name, parameters.ifNoneMatch.name, parameters.ifMatch.name, parameters.range.name])
        expect(allowed).toContain(header);
    });

    it("a preflight allows every method of the spec's operations (HEAD included), and OPTIONS", async () => {
      const allowed = (await preflight("http://127.0.0.1:5173")).headers.get("Access-Control-Allow-Methods")!.split(", ");
      expect(new Set(allowed)).toEqual(new Set([...Object.values(endpoints).map((endpoint) => endpoint.method), "OPTIONS"]));
    });

    it.each(["https://evil.example", "http://localhost.evil.example", "http://127.0.0.1.evil.example", "http://localhost:5173.evil.example"])("a preflight from %s is not allowed", async (origin) => {
      const response = await preflight(origin);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
    });

    it("answers expose the spec's response headers to the page", async () => {
      const { response } = await harness.call("uploadFile", uploadPath, { method: "POST", headers: { Origin: "http://127.0.0.1:5173" } });
      const exposed = response.headers.get("Access-Control-Expose-Headers")!;
      for (const header of [responseHeaders.eTag, responseHeaders.contentDisposition, responseHeaders.contentRange, responseHeaders.retryAfter, responseHeaders.location, "Content-Length"])
        expect(exposed).toContain(header);
    });
  });

  it(`headers over ${limits.maxRequestHeaderBytes} bytes get 431 as problem details`, async () => {
    const answer = await rawRequest("uploadFile", `${harness.sandbox.url}${uploadPath}`, {
      method: "POST",
      headers: { [parameters.apiVersion.name]: currentApiVersion, "X-Padding": "x".repeat(limits.maxRequestHeaderBytes) },
    });
    expect(answer.status).toBe(431);
    expect(answer.json().detail).toContain(String(limits.maxRequestHeaderBytes));
  });

  it("a method the spec does not define on a path gets 405 with Allow", async () => {
    const answer = await rawRequest(undefined, `${harness.sandbox.url}${uploadPath}`, { method: "DELETE" });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("POST");
  });

  it("a path the spec does not have gets a 404 problem", async () => {
    const answer = await rawRequest(undefined, `${harness.sandbox.url}/lucca-api/nothing`);
    expect(answer.status).toBe(404);
    expect(answer.headers["content-type"]).toContain("application/problem+json");
  });

  it("the built API reference is served at /", async () => {
    const response = await fetch(`${harness.sandbox.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("API reference");
  });

  it("the reference's pages and spec copies name the address the sandbox listens on, not the spec's default one", async () => {
    expect(localSandboxServerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(harness.sandbox.url).not.toBe(localSandboxServerUrl);
    for (const file of ["/2024-11-01/", "/openapi.json"]) {
      const response = await fetch(`${harness.sandbox.url}${file}`);
      const text = await response.text();
      expect(text, file).toContain(harness.sandbox.url);
      expect(text, file).not.toContain(localSandboxServerUrl);
      expect(Number(response.headers.get("content-length")), file).toBe(Buffer.byteLength(text));
    }
  });

  it("other docs files are served as they are", async () => {
    expect(await (await fetch(`${harness.sandbox.url}/logo.svg`)).text()).toContain(localSandboxServerUrl);
  });

  it("the docs folder cannot be escaped with ..", async () => {
    const answer = await rawRequest(undefined, `${harness.sandbox.url}/%2e%2e/%2e%2e/etc/passwd`);
    expect(answer.status).toBe(404);
  });
});
