import { apiVersions, currentApiVersion, parameters } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadRequestError, createLuccaFilesClient, isApiError, NotFoundError, parseFileLink, PreconditionFailedError, unwrap, type FileObject } from "../src/index.ts";
import { fileId } from "./helpers/clients.ts";
import { fileBody, json, startFaultServer } from "./helpers/fault-server.ts";
import { recordingFetch, startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let uploaded: FileObject;
let uploadedETag: string | undefined;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ({ file: uploaded, eTag: uploadedETag } = await sandbox.client().uploadFile(new Blob(["hello"]), { fileName: "hello.txt" }));
});
afterAll(() => sandbox?.close());

describe("getFile reads the metadata with ETag revalidation", () => {
  it("returns the file and its ETag", async () => {
    const result = await sandbox.client().getFile(uploaded);
    expect(result).toMatchObject({ modified: true, file: { id: uploaded.id, fileName: "hello.txt", contentType: "text/plain" } });
    expect(result.eTag).toBe(uploadedETag);
  });

  it("ifNoneMatch with the current ETag answers { modified: false } (a 304, not an error)", async () => {
    const result = await sandbox.client().getFile(uploaded, { ifNoneMatch: uploadedETag });
    expect(result).toEqual({ modified: false, eTag: uploadedETag });
  });

  it("ifNoneMatch with a stale ETag returns the file", async () => {
    const result = await sandbox.client().getFile(uploaded, { ifNoneMatch: 'W/"stale"' });
    expect(result.modified).toBe(true);
  });

  it("ifMatch with a stale ETag throws PreconditionFailedError (412)", async () => {
    const error = await sandbox.client().getFile(uploaded, { ifMatch: '"stale"' }).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error.status).toBe(412);
    expect(error.message).toMatch(/If-Match needs the file's current strong ETag \(a weak W\/… one never matches\), or '\*' for any existing file\./);
  });

  it("a value the spec does not allow gives BadRequestError (400) naming the field, its problem and the fix", async () => {
    const error = await sandbox.client().getFile(uploaded, { include: ["everything" as never] }).catch((e) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(Object.keys(error.problem?.errors ?? {})).toEqual(["include"]);
    expect(error.message).toMatch(/^400 .*Fields: include: .*everything.*[^.]\. Fix what the API named and send again\. \(GET /);
  });

  it("ifMatch with the current ETag, which is weak, throws PreconditionFailedError: If-Match compares strongly (RFC 9110, section 13.1.1)", async () => {
    expect(uploadedETag).toMatch(/^W\//);
    const error = await sandbox.client().getFile(uploaded, { ifMatch: uploadedETag }).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    // The hint must not send the caller to read the file again: its ETag would be weak again.
    expect(error.message).not.toMatch(/read the file again/);
    expect(error.message).toMatch(/a weak W\/… one never matches\), or '\*'/);
  });

  it("ifMatch '*' reads the file: it exists", async () => {
    expect((await sandbox.client().getFile(uploaded, { ifMatch: "*" })).modified).toBe(true);
  });

  it("a token of another file gives NotFoundError with the problem, the request id, and no token in the message", async () => {
    const other = await sandbox.client().uploadFile(new Blob(["other"]), { fileName: "other.txt" });
    const token = sandbox.client().parseFileLink(other.file.links!.self!.href).token;
    const error = await sandbox.client().getFile({ id: uploaded.id, token }).catch((e) => e);
    expect(isApiError(error)).toBe(true);
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.problem?.status).toBe(error.status);
    expect(error.message).not.toContain(token);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe(error.problem?.traceId);
    expect(error.message).toMatch(/^404 Not Found: .*\. Check the id, or pass the whole link `href` with its `token`\. \(GET http:\/\/127\.0\.0\.1:\d+\/lucca-api\/files\/[0-9a-f-]+\?token=\[redacted\]&disposition=json, request id .+\)$/);
  });
});

describe("the typed openapi-fetch calls stay available", () => {
  it("GET needs no Api-Version at the call site, yet sends it", async () => {
    const { calls, fetch } = recordingFetch();
    const link = sandbox.client().parseFileLink(uploaded.links!.self!.href);
    const { data, error, response } = await sandbox.client({ fetch }).GET("/lucca-api/files/{id}", { params: { path: { id: link.id }, query: { token: link.token } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.id).toBe(uploaded.id);
    expect(calls.at(-1)?.headers.get(parameters.apiVersion.name)).toBe(currentApiVersion);
  });

  it("include goes comma-joined on the wire, and the sandbox honours both values", async () => {
    const { calls, fetch } = recordingFetch();
    const link = sandbox.client().parseFileLink(uploaded.links!.self!.href);
    const { data } = await sandbox.client({ fetch }).GET("/lucca-api/files/{id}", {
      params: { path: { id: link.id }, query: { token: link.token, include: ["links", "embedded"] } },
    });
    expect(new URL(calls.at(-1)!.url).search).toContain("include=links,embedded");
    expect(data?.links?.self?.href).toContain(uploaded.id);
  });

  it("query values go percent-encoded on the wire (space, &, =, /, +, non-ASCII), include comma-joined", async () => {
    const server = await startFaultServer((_req, res) => json(res, 200, fileBody(server.url)));
    try {
      const client = createLuccaFilesClient({ baseUrl: server.url, auth: { accessToken: "t" } });
      await client.getFile({ id: fileId, token: "a b&c=d/é+" }, { include: ["links", "embedded"] });
      await client.GET("/lucca-api/files/{id}", { params: { path: { id: fileId }, query: { token: "a b&c=d/é+", include: ["links", "embedded"] } } });
      expect(server.requests.map((request) => request.url)).toEqual([
        `/lucca-api/files/${fileId}?token=a%20b%26c%3Dd%2F%C3%A9%2B&disposition=json&include=links,embedded`,
        `/lucca-api/files/${fileId}?token=a%20b%26c%3Dd%2F%C3%A9%2B&include=links,embedded`,
      ]);
    } finally {
      await server.close();
    }
  });

  it("{ data, error } style: a 404 is a value, and unwrap turns it into the typed error", async () => {
    const client = sandbox.client();
    const call = client.GET("/lucca-api/files/{id}", { params: { path: { id: "00000000-0000-4000-8000-000000000000" }, query: { token: "nope" } } });
    const { error, response } = await call;
    expect(response.ok).toBe(false);
    expect(error).toMatchObject({ status: response.status });
    await expect(unwrap(client.GET("/lucca-api/files/{id}", { params: { path: { id: "00000000-0000-4000-8000-000000000000" }, query: { token: "nope" } } }))).rejects.toSatisfy(isApiError);
  });

  it.each(["2023-01-01", "latest", "2024-11-1"])("an apiVersion that is no date on or after the first version (%s) is refused when the client is created", (version) => {
    expect(() => createLuccaFilesClient({ baseUrl: sandbox.url, auth: { accessToken: "t" }, apiVersion: version })).toThrowError(
      `apiVersion: '${version}' must be a date (YYYY-MM-DD) on or after ${apiVersions[0]}, e.g. ${currentApiVersion}.`,
    );
  });

  it("a later date is an apiVersion: it is sent as given, and the sandbox answers", async () => {
    const { calls, fetch } = recordingFetch();
    const result = await sandbox.client({ fetch, apiVersion: "2025-03-15" }).getFile(uploaded.links!.self!.href);
    expect(result.modified).toBe(true);
    expect(calls.at(-1)?.headers.get(parameters.apiVersion.name)).toBe("2025-03-15");
  });
});

describe("a link on another origin than baseUrl: its 401 says the token was withheld, and how to fix it", () => {
  // The same sandbox under another name, as behind a proxy: the links it builds are on 127.0.0.1.
  const otherName = () => sandbox.url.replace("127.0.0.1", "localhost");
  const hint = (linkOrigin: string, apiOrigin: string) =>
    `The link's origin ${linkOrigin} is not baseUrl's (${apiOrigin}), so no access token was sent. Pass { id, token }, or make baseUrl the links' origin (behind a proxy, links must carry the public address: the sandbox's SANDBOX_PUBLIC_URL).`;

  it.each([
    ["getFile", (client: ReturnType<TestSandbox["client"]>) => client.getFile(uploaded)],
    ["downloadFile", (client: ReturnType<TestSandbox["client"]>) => client.downloadFile(uploaded)],
  ])("%s names both origins and the fixes, and sends no bearer", async (_what, call) => {
    const { calls, fetch } = recordingFetch();
    const error = await call(sandbox.client({ baseUrl: otherName(), fetch })).catch((e) => e);
    expect(isApiError(error) && error.status).toBe(401);
    expect(error.message).toContain(hint(sandbox.url, otherName()));
    expect(error.message).not.toContain("Check the `auth` option");
    expect(calls.map((call) => call.headers.get("Authorization"))).toEqual([null]);
  });

  it("{ id, token } reads the same file through a baseUrl on another origin than the links'", async () => {
    const { id, token } = parseFileLink(uploaded.links!.self!.href);
    // On another name than the links': the fix the hint above names works there.
    const result = await sandbox.client({ baseUrl: otherName() }).getFile({ id, token });
    expect(result.modified).toBe(true);
  });

  it("a 401 on baseUrl's own origin keeps the hint about the auth option", async () => {
    const error = await sandbox.client({ auth: { accessToken: "not-a-token" } }).getFile(uploaded).catch((e) => e);
    expect(error.status).toBe(401);
    expect(error.message).toContain("Check the `auth` option: the API refused its access token.");
  });
});
