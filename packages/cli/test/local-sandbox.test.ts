import { servers } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import { demoCredentials, localSandboxUrl, sandboxTokenUrl } from "../src/config/local-sandbox.ts";
import { demoClient, startTestSandbox } from "./helpers/sandbox.ts";

describe("--sandbox points at what `npm start` serves", () => {
  it("the demo client is the sandbox's own (written once in the CLI, which does not install the sandbox)", () => {
    expect(demoCredentials).toEqual({ clientId: demoClient.clientId, clientSecret: demoClient.clientSecret });
  });

  it("the URL is the spec's loopback server", () => {
    expect(servers.map(({ url }) => url)).toContain(localSandboxUrl);
    expect(new URL(localSandboxUrl).hostname).toBe("127.0.0.1");
  });

  it("the token URL is where the sandbox serves its token endpoint", async () => {
    const sandbox = await startTestSandbox();
    try {
      expect(sandboxTokenUrl(sandbox.url)).toBe(sandbox.tokenUrl);
    } finally {
      await sandbox.close();
    }
  });
});
