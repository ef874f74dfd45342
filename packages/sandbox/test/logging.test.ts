import { parameters } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoClient } from "../src/options.ts";
import { authHeaders, startHarness, type Harness } from "./support/sandbox.ts";

describe("the logger never sees a secret", () => {
  const lines: string[] = [];
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ logger: { info: (line) => lines.push(line), error: (line) => lines.push(line) } });
  });
  afterAll(() => harness.close());

  it("a whole session logs no client secret, access token or file token", async () => {
    const file = await harness.upload(Buffer.from("secret-free"), "a.txt", "text/plain");
    await harness.call("retrieveFile", file.links.self.href, { headers: await authHeaders(harness) });
    await harness.call("retrieveFile", `${file.links.self.href}x`, { headers: { Authorization: "Bearer forged-token-value" } });
    const fileToken = new URL(file.links.self.href).searchParams.get(parameters.fileToken.name)!;
    const log = lines.join("\n");
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of [demoClient.clientSecret, await harness.accessToken(), fileToken, "forged-token-value"]) expect(log).not.toContain(secret);
  });
});
