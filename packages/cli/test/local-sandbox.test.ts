import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { helpText } from "../src/cli/help.ts";
import { demoCredentials, sandboxStartCommand, sandboxTokenUrl } from "../src/config/local-sandbox.ts";
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

describe("how --help and a refused connection say to start the sandbox", () => {
  const sandboxPackage = createRequire(import.meta.url)("@lucca-api/sandbox/package.json") as { name: string; bin: Record<string, string> };

  it("the command runs the sandbox package from npm: npx and its name, the package having one command for npx to run", () => {
    expect(sandboxStartCommand).toBe(`npx ${sandboxPackage.name}`);
    expect(Object.keys(sandboxPackage.bin)).toHaveLength(1);
  });

  it("the main --help's first example is that command, meaningful outside the repository (no `npm start`)", () => {
    const [firstExample] = helpText(undefined).split("Examples\n")[1]!.split("\n");
    expect(firstExample!.trim().startsWith(`${sandboxStartCommand} `)).toBe(true);
    expect(helpText(undefined)).not.toContain("npm start");
  });
});
