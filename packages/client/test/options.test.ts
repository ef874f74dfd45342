import { oauth2 } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import { createLuccaFilesClient, InvalidInputError, type LuccaFilesClientOptions } from "../src/index.ts";

const auth = { accessToken: "t" };
/** The spec's scopes, as the OAuth `scope` parameter writes them (space-separated). */
const [readOnly, readWrite] = oauth2.scopes;

describe("bad options are refused when the client is created, naming the field and the fix", () => {
  it.each([
    ["neither baseUrl nor host", { auth }, "baseUrl: pass either `baseUrl` or `host`, e.g. host: 'example.ilucca.net'."],
    ["both baseUrl and host", { auth, baseUrl: "https://a.ilucca.net", host: "a.ilucca.net" }, /^baseUrl: pass either `baseUrl` or `host`/],
    ["a baseUrl that is no URL", { auth, baseUrl: "example.ilucca.net" }, "baseUrl: 'example.ilucca.net' must be an http(s) URL without query or fragment, e.g. 'https://example.ilucca.net'."],
    ["a baseUrl with another protocol", { auth, baseUrl: "ftp://example.ilucca.net" }, /^baseUrl: 'ftp:\/\/example\.ilucca\.net' must be an http\(s\) URL/],
    ["a baseUrl with a query", { auth, baseUrl: "https://example.ilucca.net/?a=1" }, /^baseUrl: 'https:\/\/example\.ilucca\.net\/\?a=1' must be an http\(s\) URL without query or fragment/],
    ["a host that is no host name", { auth, host: "exa mple.ilucca.net" }, "host: 'exa mple.ilucca.net' must be a host name, e.g. 'example.ilucca.net' (a URL goes in baseUrl)."],
    ["a host given as a URL", { auth, host: "https://example.ilucca.net" }, "host: 'https://example.ilucca.net' must be a host name, e.g. 'example.ilucca.net' (a URL goes in baseUrl)."],
    ["a host with a path", { auth, host: "example.ilucca.net/api" }, "host: 'example.ilucca.net/api' must be a host name, e.g. 'example.ilucca.net' (a URL goes in baseUrl)."],
    ["a host with credentials", { auth, host: "user@example.ilucca.net" }, "host: 'user@example.ilucca.net' must be a host name, e.g. 'example.ilucca.net' (a URL goes in baseUrl)."],
    ["a host with a port out of range", { auth, host: "example.ilucca.net:99999" }, "host: 'example.ilucca.net:99999' must be a host name, e.g. 'example.ilucca.net' (a URL goes in baseUrl)."],
    ["no auth", {}, "auth: is required: { accessToken } or { clientId, clientSecret }."],
    ["an empty access token", { auth: { accessToken: "" } }, "auth.accessToken: must be a non-empty string or a function returning one."],
    ["an empty client id", { auth: { clientId: "", clientSecret: "s" } }, /^auth\.clientId: must be a non-empty string/],
    ["an empty client secret", { auth: { clientId: "c", clientSecret: "" } }, "auth.clientSecret: must be a non-empty string."],
    ["scopes given as the OAuth scope string rather than an array", { auth: { clientId: "c", clientSecret: "s", scopes: `${readOnly} ${readWrite}` as never } }, `auth.scopes: '${readOnly} ${readWrite}' must be an array, e.g. ['${readOnly}', '${readWrite}'].`],
    ["a scope the API does not have", { auth: { clientId: "c", clientSecret: "s", scopes: ["files.write"] } }, "auth.scopes: 'files.write' is not a scope of the API; use files.readonly or files.readwrite."],
    ["a relative token URL", { auth: { clientId: "c", clientSecret: "s", tokenUrl: "/connect/token" } }, /^auth\.tokenUrl: '\/connect\/token' is not an absolute URL; leave it out to use https:\/\/accounts\.world\.luccasoftware\.com\/connect\/token\.$/],
    ["an access token with its scheme, which the client adds", { auth: { accessToken: "Bearer abc" } }, "auth.accessToken: starts with 'Bearer ', which the client adds; pass the token alone."],
    ["an apiVersion given as a Date, shown as its timestamp", { auth, apiVersion: new Date("2030-01-01T00:00:00Z") as never }, /^apiVersion: '2030-01-01T00:00:00\.000Z' must be a date \(YYYY-MM-DD\) on or after /],
    ["a fetch that is not a function (a module rather than its fetch)", { auth, fetch: { default: globalThis.fetch } as never }, "fetch: is not a function (typeof object); pass a fetch implementation."],
    ["a fetch that is false", { auth, fetch: false as never }, "fetch: is not a function (typeof boolean); pass a fetch implementation."],
    ["scopes given as a Set, with its own scopes as the example", { auth: { clientId: "c", clientSecret: "s", scopes: new Set([readOnly]) as never } }, `auth.scopes: '[object Set]' must be an array, e.g. ['${readOnly}'].`],
    ["an apiVersion that is no day of the calendar (Date would read 2030-02-30 as 2030-03-02)", { auth, apiVersion: "2030-02-30" as never }, /^apiVersion: '2030-02-30' must be a date \(YYYY-MM-DD\) on or after /],
    ["a retry.maxRetries that is not a whole number", { auth, retry: { maxRetries: 1.5 } }, "retry.maxRetries: '1.5' must be a whole number of retries, e.g. 2."],
    ["an apiVersion that is an invalid Date", { auth, apiVersion: new Date("nope") as never }, /^apiVersion: 'Invalid Date' must be a date \(YYYY-MM-DD\)/],
    ["a negative timeout", { auth, timeout: -1 }, "timeout: '-1' must be a finite number ≥ 0."],
    ["a retry count that is not a number", { auth, retry: { maxRetries: Number.NaN } }, "retry.maxRetries: 'NaN' must be a finite number ≥ 0."],
  ])("%s", (_rule, options, message) => {
    const withBase = _rule.startsWith("neither") || "baseUrl" in options || "host" in options ? options : { baseUrl: "https://example.ilucca.net", ...options };
    const create = () => createLuccaFilesClient(withBase as LuccaFilesClientOptions);
    expect(create).toThrowError(InvalidInputError);
    expect(create).toThrowError(message);
  });

  it("an access token function that returns the token with its scheme is refused before any request, without echoing it", async () => {
    let requests = 0;
    const client = createLuccaFilesClient({ baseUrl: "https://example.ilucca.net", auth: { accessToken: () => "Bearer secret-token" }, fetch: (async () => (requests++, new Response())) as typeof fetch });
    const call = client.getFile({ id: "x", token: "t" });
    await expect(call).rejects.toThrowError(new InvalidInputError("auth.accessToken", "starts with 'Bearer ', which the client adds; pass the token alone."));
    await expect(call).rejects.not.toThrowError(/secret-token/);
    expect(requests).toBe(0);
  });

  it("a wrong client secret is never echoed in the error", () => {
    const error = (() => {
      try {
        createLuccaFilesClient({ host: "example.ilucca.net", auth: { clientId: "c", clientSecret: 42 as never } });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBe("auth.clientSecret: must be a non-empty string.");
  });

  it("a baseUrl with a path of its own (a proxy's prefix) keeps it before the API's paths", async () => {
    const seen: string[] = [];
    const client = createLuccaFilesClient({ baseUrl: "https://gateway.example.com/lucca-apis/", auth, fetch: (async (input: Request) => (seen.push(input.url), new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } }))) as typeof fetch });
    await client.GET("/lucca-api/files/{id}", { params: { path: { id: "x" }, query: { token: "t" } } });
    expect(seen).toEqual(["https://gateway.example.com/lucca-apis/lucca-api/files/x?token=t"]);
  });

  it("host is the account's host, reached over https", async () => {
    const seen: string[] = [];
    const client = createLuccaFilesClient({ host: "example.ilucca.net", auth, fetch: (async (input: Request) => (seen.push(input.url), new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } }))) as typeof fetch });
    await client.GET("/lucca-api/files/{id}", { params: { path: { id: "x" }, query: { token: "t" } } });
    expect(seen).toEqual(["https://example.ilucca.net/lucca-api/files/x?token=t"]);
  });
});

describe("a helper's callback that is not a function is refused before any request, naming it", () => {
  const calls: string[] = [];
  const client = createLuccaFilesClient({ baseUrl: "https://example.ilucca.net", auth, fetch: (async (input: Request) => (calls.push(input.url), new Response(null, { status: 500 }))) as typeof fetch });

  it.each([
    ["uploadFile", () => client.uploadFile(new Blob(["x"]), { fileName: "a.txt", onProgress: true as never })],
    ["downloadFile", () => client.downloadFile({ id: "x", token: "t" }, { onProgress: "log" as never })],
  ])("%s({ onProgress }) with no function, which threw a bare TypeError mid-transfer", async (_helper, call) => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/^onProgress: must be a function, e\.g\. \(progress\) => …, not (boolean|string)\.$/);
    expect(calls).toEqual([]);
  });
});

describe("null is 'none' for an option that may be left out, as undefined is", () => {
  it("fetch: null is the global fetch, and onProgress: null reports nothing (a JavaScript caller's `verbose ? log : null`)", async () => {
    const answered = (async () => new Response('{"id":"x"}', { status: 201, headers: { "Content-Type": "application/json" } })) as typeof fetch;
    expect(() => createLuccaFilesClient({ baseUrl: "https://example.ilucca.net", auth, fetch: null as never })).not.toThrow();
    const client = createLuccaFilesClient({ baseUrl: "https://example.ilucca.net", auth, fetch: answered });
    await expect(client.uploadFile(new Blob(["x"]), { fileName: "a.txt", onProgress: null as never })).resolves.toMatchObject({ file: { id: "x" } });
  });
});
