import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { localSandboxServerUrl } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import { optionsFromEnv } from "../src/cli-config.ts";
import { demoClient } from "../src/options.ts";

describe("the CLI reads its configuration from the environment", () => {
  it("defaults to the spec's local server (127.0.0.1:4010) and .sandbox-data in the folder npm ran from", () => {
    const options = optionsFromEnv({}, "/work/repo");
    const spec = new URL(localSandboxServerUrl);
    expect(options).toMatchObject({ host: spec.hostname, port: Number(spec.port), dataDir: "/work/repo/.sandbox-data", clients: [demoClient] });
  });

  it("PORT, HOST and SANDBOX_DATA_DIR override the defaults", () => {
    const options = optionsFromEnv({ PORT: "0", HOST: "0.0.0.0", SANDBOX_DATA_DIR: "data" }, "/repo");
    expect(options).toMatchObject({ host: "0.0.0.0", port: 0, dataDir: "/repo/data" });
  });

  it("SANDBOX_CLIENTS adds clients beside the demo one", () => {
    const options = optionsFromEnv({ SANDBOX_CLIENTS: "ci:ci-secret:files.readonly,app:app-secret:files.readonly files.readwrite" }, "/");
    expect(options.clients).toEqual([
      demoClient,
      { clientId: "ci", clientSecret: "ci-secret", scopes: ["files.readonly"] },
      { clientId: "app", clientSecret: "app-secret", scopes: ["files.readonly", "files.readwrite"] },
    ]);
  });

  it("SANDBOX_PUBLIC_URL and SANDBOX_CLIENT_AUTH_FAILURES_PER_MINUTE set publicUrl and clientAuthFailuresPerMinute", () => {
    const options = optionsFromEnv({ SANDBOX_PUBLIC_URL: "https://files.example.test", SANDBOX_CLIENT_AUTH_FAILURES_PER_MINUTE: "5" }, "/");
    expect(options).toMatchObject({ publicUrl: "https://files.example.test", clientAuthFailuresPerMinute: 5 });
  });

  it.each([
    ["a PORT that is not a number is refused, naming it", { PORT: "http" }, /PORT=http/],
    ["a client without a secret is refused without echoing the entry", { SANDBOX_CLIENTS: "lonely" }, /SANDBOX_CLIENTS entry 1/],
    ["a PORT above 65535 is refused, naming it and the range", { PORT: "99999" }, /^PORT=99999 is not a port: set it to a number from 0 to 65535, such as 4010\.$/],
    ["a SANDBOX_PUBLIC_URL that is not an origin is refused, naming the variable", { SANDBOX_PUBLIC_URL: "files.example.test" }, /^SANDBOX_PUBLIC_URL "files\.example\.test" must be an http\(s\) origin/],
    ["a SANDBOX_CONFIG that cannot be read is refused, naming it and the path", { SANDBOX_CONFIG: "missing.json" }, /^SANDBOX_CONFIG=\/nowhere\/missing\.json cannot be read \(ENOENT\): check the path\.$/],
  ])("%s", (_rule, env, message) => {
    expect(() => optionsFromEnv(env, "/nowhere")).toThrow(message);
  });

  it("a SANDBOX_CONFIG that is not valid JSON is refused naming the file, without quoting its content (it holds secrets)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sandbox-config-"));
    try {
      await writeFile(join(dir, "clients.json"), '{"clients": [{"clientId": "ci", "clientSecret": unquoted-secret-value}]}');
      let message = "";
      try {
        optionsFromEnv({ SANDBOX_CONFIG: "clients.json" }, dir);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain("SANDBOX_CONFIG");
      expect(message).toContain(join(dir, "clients.json"));
      expect(message).not.toContain("unquoted");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
