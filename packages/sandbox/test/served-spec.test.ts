/**
 * What an installed sandbox, which has no API reference, gives its user instead: the spec
 * it implements, served, and a banner and a `/` that say where it is.
 */
import { readFile } from "node:fs/promises";
import { localSandboxServerUrl } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { banner } from "../src/cli-banner.ts";
import { demoClient } from "../src/options.ts";
import { bundledSpecFile, servedSpecPath } from "../src/spec-document.ts";
import { startHarness, type Harness } from "./support/sandbox.ts";

describe("a sandbox without a reference", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("serves the spec it implements at /openapi.json, its local server being the address it listens on", async () => {
    const response = await fetch(`${harness.sandbox.url}${servedSpecPath}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    const copy = await readFile(bundledSpecFile, "utf8");
    expect(await response.json()).toEqual(JSON.parse(copy.replaceAll(localSandboxServerUrl, harness.sandbox.url)));
  });

  it("answers HEAD /openapi.json with the headers only", async () => {
    const response = await fetch(`${harness.sandbox.url}${servedSpecPath}`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("Content-Length"))).toBeGreaterThan(0);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it("answers / with a 404 that names the spec's address and how to serve a reference", async () => {
    const response = await fetch(`${harness.sandbox.url}/`);
    expect(response.status).toBe(404);
    const { detail } = await response.json();
    expect(detail).toContain(servedSpecPath);
    expect(detail).toContain("SANDBOX_DOCS_DIR");
  });
});

describe("the banner's API reference line", () => {
  const url = "http://127.0.0.1:4010";
  const lines = (docsDir: string | undefined) =>
    banner({ url, tokenUrl: `${url}/connect/token`, dataDir: "/data", docsDir, clients: [demoClient] }).split("\n");

  it("without a reference, gives the spec's address and SANDBOX_DOCS_DIR, and no command of the repository", () => {
    const reference = lines(undefined).filter((line, index, all) => line.includes("API reference") || all[index - 1]?.includes("API reference"));
    expect(reference[0]).toBe(`  API reference   not served; the spec it implements: ${url}${servedSpecPath}`);
    expect(reference[1]).toContain("SANDBOX_DOCS_DIR=");
    expect(reference.join("\n")).not.toMatch(/npm run|-w @lucca-api/);
  });

  it("with a reference, gives its address", () => {
    expect(lines("/docs")).toContain(`  API reference   ${url}/`);
  });
});
