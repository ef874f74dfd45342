import { describe, expect, it } from "vitest";
import { demoCredentials, sandboxTokenUrl } from "../src/config/local-sandbox.ts";
import { demoClient, startTestSandbox } from "./helpers/sandbox.ts";

describe("--sandbox points at what `npm start` serves", () => {
  it("the demo client is the sandbox's own (written once in the CLI, which does not install the sandbox)", () => {
    expect(demoCredentials).toEqual({ clientId: demoClient.clientId, clientSecret: demoClient.clientSecret });
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
