import { oauth2, responseHeaders } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientsPerAddress } from "../src/client-auth-throttle.ts";
import { demoClient } from "../src/options.ts";
import { rawRequest } from "./support/http-request.ts";
import { startHarness, type Harness } from "./support/sandbox.ts";

/**
 * The token endpoint is not one of the spec's paths (Lucca's lives on another host), so
 * its answers are checked against RFC 6749 here rather than by the contract checker.
 */
describe("POST /connect/token: OAuth 2 client credentials (RFC 6749)", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ accessTokenTtlSeconds: 1234 });
  });
  afterAll(() => harness.close());

  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
  const post = async (body: URLSearchParams | string, headers: Record<string, string> = {}) => {
    const response = await fetch(harness.sandbox.tokenUrl, { method: "POST", body, headers });
    return { response, json: (await response.json()) as Record<string, unknown> };
  };
  const grant = { grant_type: "client_credentials" };

  it.each([
    ["client_secret_post issues a bearer token", form({ ...grant, client_id: "demo", client_secret: "demo-secret" }), {}],
    ["client_secret_basic issues a bearer token", form(grant), { Authorization: basic("demo", "demo-secret") }],
  ])("%s with expires_in and the client's scopes", async (_rule, body, headers) => {
    const { response, json } = await post(body, headers);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(json).toMatchObject({ token_type: "Bearer", expires_in: 1234, scope: demoClient.scopes.join(" ") });
    expect(json.access_token).toEqual(expect.any(String));
  });

  it("a scope asked for is granted as asked", async () => {
    const { json } = await post(form({ ...grant, client_id: "demo", client_secret: "demo-secret", scope: oauth2.scopes[0] }));
    expect(json.scope).toBe(oauth2.scopes[0]);
  });

  it.each<[string, URLSearchParams | string, Record<string, string>, number, string]>([
    ["a wrong secret is invalid_client (401)", form({ ...grant, client_id: "demo", client_secret: "nope" }), {}, 401, "invalid_client"],
    ["an unknown client is invalid_client (401)", form({ ...grant, client_id: "who", client_secret: "demo-secret" }), {}, 401, "invalid_client"],
    ["a wrong Basic secret is invalid_client (401)", form(grant), { Authorization: basic("demo", "nope") }, 401, "invalid_client"],
    ["a Basic secret that is not form-urlencoded is invalid_client (401), not a server error", form(grant), { Authorization: `Basic ${Buffer.from("demo:100%").toString("base64")}` }, 401, "invalid_client"],
    ["another grant type is unsupported_grant_type", form({ grant_type: "password", client_id: "demo", client_secret: "demo-secret" }), {}, 400, "unsupported_grant_type"],
    ["a missing grant type is invalid_request", form({ client_id: "demo", client_secret: "demo-secret" }), {}, 400, "invalid_request"],
    ["a scope the client lacks is invalid_scope", form({ ...grant, client_id: "demo", client_secret: "demo-secret", scope: "files.delete" }), {}, 400, "invalid_scope"],
    ["credentials sent both ways are invalid_request", form({ ...grant, client_id: "demo", client_secret: "demo-secret" }), { Authorization: basic("demo", "demo-secret") }, 400, "invalid_request"],
    ["a JSON body is invalid_request", JSON.stringify({ ...grant, client_id: "demo" }), { "Content-Type": "application/json" }, 400, "invalid_request"],
  ])("%s", async (_rule, body, headers, status, error) => {
    const { response, json } = await post(body, headers);
    expect(response.status).toBe(status);
    expect(json.error).toBe(error);
    expect(json.error_description).toEqual(expect.any(String));
    if (status === 401) expect(response.headers.get("WWW-Authenticate")).toMatch(/^Basic /);
  });

  it("no error names the secret that was sent", async () => {
    const { json } = await post(form({ ...grant, client_id: "demo", client_secret: "my-very-secret-value" }));
    expect(JSON.stringify(json)).not.toContain("my-very-secret-value");
  });

  it("GET is refused with 405 and Allow: POST", async () => {
    const response = await fetch(harness.sandbox.tokenUrl);
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
  });
});

describe("failed client authentications are throttled per address and per client id from an address (RFC 6749 section 10.10)", () => {
  const other = { clientId: "other", clientSecret: "other-secret", scopes: [...oauth2.scopes] };
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ clients: [demoClient, other], clientAuthFailuresPerMinute: 3 });
  });
  afterAll(() => harness.close());

  /** A token request from a loopback address of its own, so that each case has its own address. */
  const request = async (from: string, clientId: string, clientSecret: string) => {
    const body = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }).toString();
    const answer = await rawRequest(undefined, harness.sandbox.tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
      localAddress: from,
    });
    return { status: answer.status, retryAfter: answer.headers[responseHeaders.retryAfter.toLowerCase()], json: answer.json() };
  };

  it("successful authentications never count", async () => {
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await request("127.0.0.2", other.clientId, other.clientSecret)).status);
    expect(statuses).toEqual(Array(8).fill(200));
  });

  it("a client id that failed too often from one address gets 429 with Retry-After there, for the right secret too, until the minute ends", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await request("127.0.0.3", demoClient.clientId, "wrong")).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const locked = await request("127.0.0.3", demoClient.clientId, demoClient.clientSecret);
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(locked.json).toMatchObject({ error: "temporarily_unavailable" });
    expect(locked.json.error_description).toContain(`client ${demoClient.clientId} from address 127.0.0.3`);
    expect(JSON.stringify(locked.json)).not.toContain(demoClient.clientSecret);
  });

  it("a guesser locks out only himself: the same client id from another address still gets tokens, another client id from his address too", async () => {
    for (let i = 0; i < 4; i++) await request("127.0.0.7", other.clientId, "wrong");
    expect((await request("127.0.0.7", other.clientId, other.clientSecret)).status).toBe(429);
    expect((await request("127.0.0.8", other.clientId, other.clientSecret)).status).toBe(200);
    expect((await request("127.0.0.8", other.clientId, "wrong")).status).toBe(401);
    expect((await request("127.0.0.7", demoClient.clientId, demoClient.clientSecret)).status).toBe(200);
  });

  it(`an address that failed ${clientsPerAddress} times the limit gets 429 whatever client id it tries next; other addresses still get tokens`, async () => {
    const limit = 3 * clientsPerAddress;
    const statuses = [];
    for (let i = 0; i <= limit; i++) statuses.push((await request("127.0.0.5", `guess-${i}`, "x")).status);
    expect(statuses).toEqual([...Array(limit).fill(401), 429]);
    const locked = await request("127.0.0.5", other.clientId, other.clientSecret);
    expect(locked.status).toBe(429);
    expect(locked.json.error_description).toContain("address 127.0.0.5");
    expect((await request("127.0.0.6", other.clientId, other.clientSecret)).status).toBe(200);
  });
});
