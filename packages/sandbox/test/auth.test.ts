import { apiVersions, currentApiVersion, oauth2, parameters } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoClient, type SandboxClient } from "../src/options.ts";
import { filePart, multipartBody, multipartContentType } from "./support/multipart.ts";
import { startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

const readerClient = { clientId: "reader", clientSecret: "reader-secret", scopes: ["files.readonly"] };
const body = () => multipartBody([{ name: filePart, filename: "a.txt", contentType: "text/plain", content: "a" }]);

describe("the API refuses callers without a valid bearer token or scope", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ clients: [demoClient, readerClient], rateLimitPerMinute: 1000 });
  });
  afterAll(() => harness.close());

  const upload = (headers: Record<string, string>) =>
    harness.call("uploadFile", uploadPath, {
      method: "POST",
      headers: { [parameters.apiVersion.name]: currentApiVersion, "Content-Type": multipartContentType, ...headers },
      body: body(),
    });

  it.each([
    ["no Authorization header gives 401 with a Bearer challenge and no error code (RFC 6750 section 3.1)", async () => ({}), /^Bearer realm="[^"]*"$/],
    ["Basic credentials give 401 with a Bearer challenge and no error code (RFC 6750 section 3.1)", async () => ({ Authorization: `Basic ${Buffer.from("demo:demo-secret").toString("base64")}` }), /^Bearer realm="[^"]*"$/],
    ["a token that is not the sandbox's gives 401 invalid_token", async () => ({ Authorization: "Bearer not-a-token" }), /error="invalid_token"/],
    ["a tampered token gives 401 invalid_token", async () => ({ Authorization: `Bearer ${(await harness.accessToken()).slice(0, -2)}xx` }), /error="invalid_token"/],
    ["an expired token gives 401 invalid_token", async () => {
      const signer = await harness.signer();
      const expired = signer.sign("at+jwt", { sub: demoClient.clientId, scope: oauth2.scopes.join(" "), exp: Math.floor(Date.now() / 1000) - 1 });
      return { Authorization: `Bearer ${expired}` };
    }, /error="invalid_token"/],
    ["a file token used as an access token gives 401", async () => {
      const signer = await harness.signer();
      return { Authorization: `Bearer ${signer.sign("file+jwt", { sub: demoClient.clientId, exp: Math.floor(Date.now() / 1000) + 60 })}` };
    }, /error="invalid_token"/],
  ])("%s", async (_rule, headers, challenge) => {
    const { response, json } = await upload(await headers());
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toMatch(challenge);
    expect(json().detail).toMatch(/token/);
  });

  it("a token without the operation's scope gives 403 naming the scope", async () => {
    const token = await harness.accessToken(readerClient);
    const { response, json } = await upload({ Authorization: `Bearer ${token}` });
    expect(response.status).toBe(403);
    expect(response.headers.get("WWW-Authenticate")).toContain('error="insufficient_scope"');
    expect(json().detail).toContain("files.readwrite");
  });

  it("a token asked with fewer scopes is held to them", async () => {
    const token = await harness.accessToken(demoClient, "files.readonly");
    const { response } = await upload({ Authorization: `Bearer ${token}` });
    expect(response.status).toBe(403);
  });

  it.each([
    ["a credential sent without its scheme", "eyJhbGciOiJIUzI1NiJ9.secret-looking-part"],
    ["a client secret pasted alone", "demo-secret"],
  ])("the problem never echoes %s (only a registered scheme's name)", async (_case, credential) => {
    const { response, body: answer } = await upload({ Authorization: credential });
    expect(response.status).toBe(401);
    const text = Buffer.from(answer).toString();
    expect(text).toContain("does not start with an authentication scheme");
    expect(text).not.toContain(credential.slice(0, 8));
  });

  it("names a registered scheme it does not take", async () => {
    const { json } = await upload({ Authorization: "Digest username=demo" });
    expect(json().detail).toContain('"Digest" scheme');
  });

  it("the problem never echoes the bearer token", async () => {
    const { body: answer } = await upload({ Authorization: "Bearer secret-looking-token-123" });
    expect(Buffer.from(answer).toString()).not.toContain("secret-looking-token-123");
  });
});

describe("Api-Version is required and resolves a date to the closest earlier version", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ rateLimitPerMinute: 1000 });
  });
  afterAll(() => harness.close());

  const first = apiVersions[0];
  const dayBefore = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  it.each<[string, string | undefined, number]>([
    ["the current version is accepted", currentApiVersion, 201],
    ["a later date resolves to the closest earlier version", "2099-12-31", 201],
    ["the day after a version resolves to it", new Date(Date.parse(`${first}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), 201],
    ["a missing header is refused, naming Api-Version", undefined, 400],
    ["a date before the first version is refused", dayBefore, 400],
    ["a value that is not a date is refused", "latest", 400],
    ["an impossible date is refused", `${first.slice(0, 4)}-02-30`, 400],
  ])("%s (%s)", async (_rule, version, status) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${await harness.accessToken()}`, "Content-Type": multipartContentType };
    if (version !== undefined) headers[parameters.apiVersion.name] = version;
    const { response, json } = await harness.call("uploadFile", uploadPath, { method: "POST", headers, body: body() });
    expect(response.status).toBe(status);
    if (status === 400) expect(Object.keys(json().errors)).toEqual([parameters.apiVersion.name]);
  });
});

describe("each client is rate limited on its own", () => {
  it("the request over the limit gets 429 with Retry-After, another client still passes", async () => {
    const other: SandboxClient = { clientId: "other", clientSecret: "other-secret", scopes: [...oauth2.scopes] };
    const harness = await startHarness({ clients: [demoClient, other], rateLimitPerMinute: 3 });
    try {
      const call = async (client: typeof other) =>
        harness.call("uploadFile", uploadPath, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${await harness.accessToken(client)}`,
            [parameters.apiVersion.name]: currentApiVersion,
            "Content-Type": multipartContentType,
          },
          body: body(),
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(demoClient)).response.status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const refused = await call(demoClient);
      expect(Number(refused.response.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(refused.json().detail).toContain("3 requests a minute");
      expect((await call(other)).response.status).toBe(201);
    } finally {
      await harness.close();
    }
  });
});
