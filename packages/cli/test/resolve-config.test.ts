import { localSandboxServerUrl, oauth2 } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import { exitCodes } from "../src/cli/exit-codes.ts";
import { UsageError } from "../src/cli/usage-error.ts";
import { resolveConfig } from "../src/config/resolve-config.ts";
import { runMain } from "./helpers/run-main.ts";

const tokenPath = new URL(oauth2.tokenUrl).pathname;
const { host: defaultHost, origin: defaultOrigin } = new URL(localSandboxServerUrl);
const formOf = (host: string) => `--host: '${host}' must be the sandbox's address, a host and port or an http URL, e.g. '${defaultHost}' or '${defaultOrigin}'.`;
const sandboxWith = (host: string) => resolveConfig({ sandbox: true, host, apiVersion: undefined }, {});

describe("--sandbox --host", () => {
  it.each([
    ["a host and port means plain http", "127.0.0.1:4011", "http://127.0.0.1:4011"],
    ["a URL is taken as it is", "http://localhost:4011", "http://localhost:4011"],
  ])("%s", (_rule, host, baseUrl) => {
    expect(sandboxWith(host)).toMatchObject({ target: { baseUrl }, tokenUrl: `${baseUrl}${tokenPath}` });
  });

  it.each([["not a host"], ["http://"], ["example.ilucca.net:99999"], ["ftp://127.0.0.1:4011"], ["127.0.0.1:4011/?x=1"]])(
    "'%s' is a usage error naming --host, the value and the form it takes",
    (host) => {
      const error = (() => {
        try {
          sandboxWith(host);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(formOf(host));
    },
  );

  it("a bad --host with --sandbox exits 2 with that one line, as without --sandbox", async () => {
    const { code, stdout, stderr } = await runMain(["--sandbox", "--host", "not a host", "token"]);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe("");
    expect(stderr).toBe(`lucca-files: ${formOf("not a host")}\n`);
    const unsandboxed = await runMain(["--host", "not a host", "token"], { env: { LUCCA_CLIENT_ID: "id", LUCCA_CLIENT_SECRET: "secret" } });
    expect(unsandboxed.code).toBe(exitCodes.usage);
    expect(unsandboxed.stderr).toMatch(/^lucca-files: --host \(or LUCCA_BASE_URL\): 'not a host' must be a host name/);
  });
});
