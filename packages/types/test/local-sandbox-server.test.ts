import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { renderConstants } from "../scripts/render-constants.ts";
import { localSandboxServerUrl, servers } from "../src/index.ts";

const bundledSpec = createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");
const readSpec = async () => JSON.parse(await readFile(bundledSpec, "utf8"));

describe("localSandboxServerUrl: the spec's server for the local sandbox", () => {
  it("is the one plain-HTTP loopback URL among the spec's servers", () => {
    expect(servers.map(({ url }) => url)).toContain(localSandboxServerUrl);
    expect(servers.filter(({ url }) => url.startsWith("http://"))).toHaveLength(1);
    expect(new URL(localSandboxServerUrl).hostname).toBe("127.0.0.1");
  });

  it.each(["http://localhost:4011", "http://[::1]:4012"])("follows the spec when its local server is %s", async (url) => {
    const document = await readSpec();
    document.servers = document.servers.map((server: { url: string }) => (server.url.startsWith("http://") ? { ...server, url } : server));
    expect(renderConstants(document)).toContain(`export const localSandboxServerUrl = ${JSON.stringify(url)} as const;`);
  });

  it("fails generation, naming servers, when the spec lists no loopback HTTP server", async () => {
    const document = await readSpec();
    document.servers = document.servers.filter((server: { url: string }) => !server.url.startsWith("http://"));
    expect(() => renderConstants(document)).toThrow(/local sandbox .*servers/);
  });
});
