/**
 * The guides are prose in the spec (tags with `x-traitTag`). Where they state a fact the
 * spec also holds in machine-readable form (limits, token URL, scopes, statuses, content
 * types), these tests check that both say the same, and the guide's curl command runs.
 */
import { readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { contentTypes, endpoints, limits, oauth2, parameters, responseHeaders } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleWorkDir } from "./support/fixtures.ts";
import { baseEnv, runProcess } from "./support/run-process.ts";
import { startSampleSandbox, type SampleSandbox } from "./support/sandbox.ts";

const curlInstalled = (await runProcess("curl", ["--version"], { cwd: "/", env: baseEnv() })).code === 0;
const spec = JSON.parse(await readFile(createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json"), "utf8"));

function guide(name: string): string {
  const tag = spec.tags.find((candidate: any) => candidate.name === name);
  if (!tag?.["x-traitTag"]) throw new Error(`the spec has no guide (a tag with x-traitTag) named "${name}"`);
  return tag.description;
}

describe("the guides", () => {
  it("are each in a tag group, as every tag must be for Redoc to show it", () => {
    const grouped = spec["x-tagGroups"].flatMap((group: any) => group.tags);
    for (const { name } of spec.tags) expect(grouped, name).toContain(name);
  });
});

describe("Limits", () => {
  it.each([
    ["maxRequestBodyBytes", `${limits.maxRequestBodyBytes / 2 ** 20} MB (${limits.maxRequestBodyBytes} bytes)`, "413"],
    ["maxRequestHeaderBytes", `${limits.maxRequestHeaderBytes / 2 ** 10} KB (${limits.maxRequestHeaderBytes} bytes)`, "431"],
    ["rateLimitRequestsPerMinute", `| ${limits.rateLimitRequestsPerMinute} |`, "429"],
    ["serverTimeoutSeconds", `| ${limits.serverTimeoutSeconds} seconds |`, "408"],
  ])("states info.x-lucca-limits.%s as %s, answered %s", (_limit, stated, status) => {
    const row = guide("Limits")
      .split("\n")
      .find((line) => line.includes(stated));
    expect(row).toBeDefined();
    expect(row).toContain(`\`${status} `);
    expect(Object.values(endpoints).some((endpoint) => status in endpoint.responses)).toBe(true);
  });
});

describe("Getting a token", () => {
  it("names the spec's token URL and each of its scopes", () => {
    expect(guide("Getting a token")).toContain(oauth2.tokenUrl);
    for (const scope of oauth2.scopes) expect(guide("Getting a token")).toContain(`\`${scope}\``);
  });

  describe.skipIf(!curlInstalled)("its curl command (skipped when curl is not on PATH)", () => {
    let api: SampleSandbox;
    beforeAll(async () => {
      api = await startSampleSandbox();
    });
    afterAll(() => api?.close());

    it("gets a bearer token, once pointed at the sandbox's token endpoint", async () => {
      const command = /```sh\n([\s\S]*?)```/.exec(guide("Getting a token"))?.[1];
      expect(command).toContain(oauth2.tokenUrl);
      const cwd = await sampleWorkDir(false);
      try {
        const run = await runProcess("bash", ["-e", "-c", command!.replace(oauth2.tokenUrl, api.sandbox.tokenUrl)], {
          cwd,
          env: { ...baseEnv(), LUCCA_CLIENT_ID: api.clientEnv.LUCCA_CLIENT_ID, LUCCA_CLIENT_SECRET: api.clientEnv.LUCCA_CLIENT_SECRET },
        });
        expect(run.code, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ token_type: "Bearer", access_token: expect.any(String) });
      } finally {
        await rm(cwd, { recursive: true, force: true });
      }
    });
  });
});

describe("Errors", () => {
  it("has a row for every error status an operation declares", () => {
    const statuses = new Set(Object.values(endpoints).flatMap((endpoint) => Object.keys(endpoint.responses)).filter((status) => Number(status) >= 400));
    expect(statuses.size).toBeGreaterThan(0);
    for (const status of statuses) expect(guide("Errors")).toContain(`| \`${status}\` |`);
  });
});

describe("API versions and Conditional requests", () => {
  it("name headers the spec defines", () => {
    for (const header of [parameters.apiVersion.name, responseHeaders.deprecation, responseHeaders.sunset])
      expect(guide("API versions")).toContain(`\`${header}\``);
    for (const header of [parameters.ifNoneMatch.name, parameters.ifMatch.name, responseHeaders.eTag, parameters.range.name])
      expect(guide("Conditional requests")).toContain(`\`${header}`);
  });

  it("promise the statuses the retrieve operation declares", () => {
    for (const status of ["304", "412", "206", "416"]) {
      expect(guide("Conditional requests")).toContain(`\`${status}`);
      expect(endpoints.retrieveFile.responses).toHaveProperty(status);
    }
  });
});

describe("Content types", () => {
  it.each([
    ["image/jpeg", false],
    ["image/jpg", true],
    ["image/pjpeg", true],
    ["image/jpe", true],
    ["application/octet-stream", false],
    ["binary/octet-stream", true],
  ])("is right about %s (accepted for an upload: %s)", (type, accepted) => {
    expect(guide("Content types")).toContain(`\`${type}\``);
    expect((contentTypes as readonly string[]).includes(type)).toBe(accepted);
  });
});
