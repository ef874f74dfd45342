import { limits, localSandboxServerUrl } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import { demoClient, resolveOptions } from "../src/options.ts";

describe("resolveOptions fills the spec's defaults and refuses what cannot work", () => {
  it("defaults come from the spec: its local server's address, its limits", () => {
    expect(resolveOptions()).toMatchObject({
      host: new URL(localSandboxServerUrl).hostname,
      port: Number(new URL(localSandboxServerUrl).port),
      maxBodyBytes: limits.maxRequestBodyBytes,
      rateLimitPerMinute: limits.rateLimitRequestsPerMinute,
      clients: [demoClient],
    });
  });

  it.each([
    ["a scope the spec does not define", { clients: [{ clientId: "x", clientSecret: "y", scopes: ["files.delete"] }] }, /clients\[0\] \(x\) has unknown scopes files.delete/],
    ["a client without a secret", { clients: [{ clientId: "x", clientSecret: "", scopes: [] }] }, /clients\[0\] needs a non-empty clientId and clientSecret/],
    ["a negative body limit", { maxBodyBytes: -1 }, /maxBodyBytes must be a positive integer, got -1/],
    ["a fractional port", { port: 1.5 }, /port must be a non-negative integer, got 1.5/],
  ])("%s is refused, naming the option", (_rule, options, message) => {
    expect(() => resolveOptions(options)).toThrow(message);
  });
});
