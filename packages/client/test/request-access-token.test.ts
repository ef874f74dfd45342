import { oauth2 } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isInvalidInputError, isTokenError, requestAccessToken } from "../src/index.ts";
import { demoClient, startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

describe("requestAccessToken says what the token endpoint granted", () => {
  it("gives the token, its lifetime and the granted scopes", async () => {
    const grant = await requestAccessToken({ clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl });
    expect(grant.accessToken).not.toBe("");
    expect(grant.expiresIn).toBeGreaterThan(0);
    expect(grant.scopes).toEqual([...oauth2.scopes]);
  });

  it("says which token endpoint it asked: the one given", async () => {
    const grant = await requestAccessToken({ clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl });
    expect(grant.tokenUrl).toBe(sandbox.tokenUrl);
  });

  it("says which token endpoint it asked: the spec's when none is given", async () => {
    // Lucca's endpoint is out of reach of a test: a fetch that answers for it records the URL.
    const asked: string[] = [];
    const answer = async (url: RequestInfo | URL) => {
      asked.push(String(url));
      return Response.json({ access_token: "t", token_type: "Bearer", expires_in: 60 });
    };
    const grant = await requestAccessToken({ clientId: "id", clientSecret: "secret" }, { fetch: answer as typeof fetch });
    expect(asked).toEqual([oauth2.tokenUrl]);
    expect(grant.tokenUrl).toBe(oauth2.tokenUrl);
  });

  it("gives only the scopes asked for when the client asks for fewer", async () => {
    const grant = await requestAccessToken({ ...demoClient, scopes: [oauth2.scopes[0]], tokenUrl: sandbox.tokenUrl });
    expect(grant.scopes).toEqual([oauth2.scopes[0]]);
  });

  it("a wrong secret is a TokenError that does not carry the secret", async () => {
    const error = await requestAccessToken({ clientId: demoClient.clientId, clientSecret: "not-the-secret", tokenUrl: sandbox.tokenUrl }).catch((e: unknown) => e);
    expect(isTokenError(error) && error.error).toBe("invalid_client");
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain("not-the-secret");
  });

  it("an empty secret is refused before any request, naming the field", async () => {
    const error = await requestAccessToken({ clientId: "demo", clientSecret: "", tokenUrl: sandbox.tokenUrl }).catch((e: unknown) => e);
    expect(isInvalidInputError(error) && error.field).toBe("clientSecret");
  });

  it.each([
    ["a negative timeout", { timeout: -1 }, "timeout"],
    ["a timeout that is not a number", { timeout: Number.NaN }, "timeout"],
    ["a fetch that is not a function", { fetch: "nope" as unknown as typeof fetch }, "fetch"],
  ])("%s is refused before any request, naming the field, as the client's own options are", async (_case, options, field) => {
    const error = await requestAccessToken({ clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl }, options).catch((e: unknown) => e);
    expect(isInvalidInputError(error) && error.field).toBe(field);
  });

  it("the browser entry refuses it, naming the secret and what to do instead", async () => {
    const browser = await import("../src/browser.ts");
    const error = await browser.requestAccessToken({ clientId: "demo", clientSecret: "s3cret", tokenUrl: sandbox.tokenUrl }).catch((e: unknown) => e);
    expect(isInvalidInputError(error) && error.field).toBe("clientSecret");
    expect((error as Error).message).toContain("auth: { accessToken }");
    expect((error as Error).message).not.toContain("s3cret");
  });
});
