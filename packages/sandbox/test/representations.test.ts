import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parameters, responseHeaders } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "./support/http-request.ts";
import { authHeaders, startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

const json = { Accept: "application/json" };
const octet = { Accept: "application/octet-stream" };

describe("each representation of a file has its own validator, and answers vary on Accept (RFC 9110, sections 8.8.3, 12.5.5)", () => {
  let harness: Harness;
  let file: any;
  beforeAll(async () => {
    harness = await startHarness({ rateLimitPerMinute: 10_000 });
    file = await harness.upload(Buffer.from("Hello, Lucca!"), "hello.txt", "text/plain");
  });
  afterAll(() => harness.close());

  const get = async (headers: Record<string, string> = {}, query = "") =>
    harness.call("retrieveFile", `${file.links.self.href}${query}`, { headers: await authHeaders(harness, headers) });
  const etagOf = async (headers: Record<string, string>) => (await get(headers)).response.headers.get(responseHeaders.eTag)!;

  it("the JSON, the content in its own type and the content as octet-stream have three different ETags", async () => {
    const tags = new Set([await etagOf(json), await etagOf({ Accept: "text/plain" }), await etagOf(octet)]);
    expect(tags.size).toBe(3);
  });

  it("the upload's ETag is the JSON's, as GET gives it", async () => {
    const form = new FormData();
    form.set("form", new Blob(["x"], { type: "text/plain" }), "x.txt");
    const { response, json: created } = await harness.call("uploadFile", `${uploadPath}?include=links`, { method: "POST", headers: await authHeaders(harness), body: form });
    const fetched = await harness.call("retrieveFile", created().links.self.href, { headers: await authHeaders(harness, json) });
    expect(response.headers.get(responseHeaders.eTag)).toBe(fetched.response.headers.get(responseHeaders.eTag));
  });

  it("a cache revalidating the content with the JSON's tag gets the content (200), not a 304 that would keep the JSON", async () => {
    const { response, body } = await get({ ...octet, [parameters.ifNoneMatch.name]: await etagOf(json) });
    expect(response.status).toBe(200);
    expect(Buffer.from(body).toString()).toBe("Hello, Lucca!");
  });

  it("a cache revalidating the JSON with the content's tag gets the JSON (200)", async () => {
    const { response, json: body } = await get({ ...json, [parameters.ifNoneMatch.name]: await etagOf(octet) });
    expect(response.status).toBe(200);
    expect(body().id).toBe(file.id);
  });

  it.each([
    ["the JSON chosen by Accept", json],
    ["the content chosen by Accept", octet],
    ["the 406 of an Accept that matches nothing", { Accept: "video/mp4" }],
  ])("%s carries Vary: Accept", async (_rule, headers) => {
    expect((await get(headers)).response.headers.get(responseHeaders.vary)).toMatch(/(^|,\s*)Accept(,|$)/);
  });

  it("a 304 carries the ETag and Vary the 200 would (RFC 9110, section 15.4.5)", async () => {
    const tag = await etagOf(octet);
    const { response } = await get({ ...octet, [parameters.ifNoneMatch.name]: tag });
    expect(response.status).toBe(304);
    expect(response.headers.get(responseHeaders.eTag)).toBe(tag);
    expect(response.headers.get(responseHeaders.vary)).toMatch(/Accept/);
  });

  it("the content chosen by disposition does not vary on Accept", async () => {
    expect((await get({}, "&disposition=attachment")).response.headers.get(responseHeaders.vary) ?? "").not.toMatch(/Accept/);
  });
});

describe("preconditions are evaluated in RFC 9110's order (sections 13.2.1, 13.2.2)", () => {
  let harness: Harness;
  let file: any;
  let tags: { json: string; octet: string };
  beforeAll(async () => {
    harness = await startHarness({ rateLimitPerMinute: 10_000 });
    file = await harness.upload(Buffer.from("Hello, Lucca!"), "hello.txt", "text/plain");
    const tagOf = async (headers: Record<string, string>) =>
      (await harness.call("retrieveFile", file.links.self.href, { headers: await authHeaders(harness, headers) })).response.headers.get(responseHeaders.eTag)!;
    tags = { json: await tagOf(json), octet: await tagOf(octet) };
  });
  afterAll(() => harness.close());

  const ifMatch = parameters.ifMatch.name;
  const ifNoneMatch = parameters.ifNoneMatch.name;
  const range = parameters.range.name;
  const stale = 'W/"stale"';

  // [rule, request headers (a function of the current tags), expected status]
  it.each<[string, (t: typeof tags) => Record<string, string>, number]>([
    ["a matching If-None-Match does not hide a 406: the 406 wins", () => ({ Accept: "video/mp4", [ifNoneMatch]: "*" }), 406],
    ["a failing If-Match does not hide a 406: the 406 wins", () => ({ Accept: "video/mp4", [ifMatch]: stale }), 406],
    ["a matching If-None-Match does not hide a 416: the 416 wins", (t) => ({ ...octet, [range]: "bytes=99-", [ifNoneMatch]: t.octet }), 416],
    ["If-Match is evaluated before If-None-Match: a failing If-Match gives 412 even when If-None-Match matches", (t) => ({ ...octet, [ifMatch]: stale, [ifNoneMatch]: t.octet }), 412],
    ["If-Match: * then a matching If-None-Match gives 304", (t) => ({ ...octet, [ifMatch]: "*", [ifNoneMatch]: t.octet }), 304],
    ["If-None-Match: * matches any current representation (304)", () => ({ ...json, [ifNoneMatch]: "*" }), 304],
    ["If-Match: * matches any current representation (200)", () => ({ ...json, [ifMatch]: "*" }), 200],
    ["If-Match: * lets a range through (206)", () => ({ ...octet, [ifMatch]: "*", [range]: "bytes=7-" }), 206],
    ["If-Match compares strongly: the selected representation's current tag, being weak, never matches (412)", (t) => ({ ...octet, [ifMatch]: t.octet }), 412],
    ["If-Match compares strongly: nor does the current tag without its W/ (412)", (t) => ({ ...octet, [ifMatch]: t.octet.replace(/^W\//, "") }), 412],
    ["If-Match with another representation's tag fails (412)", (t) => ({ ...octet, [ifMatch]: t.json }), 412],
    ["a tag in a list matches (weak comparison)", (t) => ({ ...json, [ifNoneMatch]: `${stale}, ${t.json.replace(/^W\//, "")}` }), 304],
  ])("%s", async (_rule, headers, status) => {
    const { response } = await harness.call("retrieveFile", file.links.self.href, { headers: await authHeaders(harness, headers(tags)) });
    expect(response.status).toBe(status);
  });

  it("a 404 (another file's token) wins over a matching If-None-Match", async () => {
    const other = await harness.upload(Buffer.from("other"), "other.txt", "text/plain");
    const token = new URL(other.links.self.href).searchParams.get(parameters.fileToken.name)!;
    const url = `${harness.sandbox.url}${uploadPath}/${file.id}?${parameters.fileToken.name}=${encodeURIComponent(token)}`;
    const { response } = await harness.call("retrieveFile", url, { headers: await authHeaders(harness, { [ifNoneMatch]: "*" }) });
    expect(response.status).toBe(404);
  });
});

describe("HEAD is answered wherever GET is, with GET's status and headers and no body (RFC 9110, section 9.3.2)", () => {
  let harness: Harness;
  let file: any;
  let docsDir: string;
  beforeAll(async () => {
    docsDir = await mkdtemp(join(tmpdir(), "lucca-sandbox-docs-"));
    await writeFile(join(docsDir, "index.html"), "<!doctype html><title>API reference</title>");
    harness = await startHarness({ rateLimitPerMinute: 10_000, docsDir });
    file = await harness.upload(Buffer.from("Hello, Lucca!"), "hello.txt", "text/plain");
  });
  afterAll(async () => {
    await harness.close();
    await rm(docsDir, { recursive: true, force: true });
  });

  const compared = ["content-type", "content-length", "etag", "vary", "content-range", "content-disposition"];

  it.each<[string, Record<string, string>, number]>([
    ["the JSON", json, 200],
    ["the content", octet, 200],
    ["an Accept that matches nothing", { Accept: "video/mp4" }, 406],
  ])("HEAD of %s answers as GET does, without the body", async (_rule, headers, status) => {
    const all = await authHeaders(harness, headers);
    const got = await rawRequest("retrieveFile", file.links.self.href, { headers: all });
    const head = await rawRequest("retrieveFileHeaders", file.links.self.href, { method: "HEAD", headers: all });
    expect(got.status).toBe(status);
    expect(head.status).toBe(status);
    expect(head.body.byteLength).toBe(0);
    for (const name of compared) if (name !== "etag" || status < 400) expect([name, head.headers[name]]).toEqual([name, got.headers[name]]);
  });

  it("HEAD ignores Range, as for any method but GET (RFC 9110, section 14.2): 200 with the whole length", async () => {
    const all = await authHeaders(harness, { ...octet, [parameters.range.name]: "bytes=7-" });
    const head = await rawRequest("retrieveFileHeaders", file.links.self.href, { method: "HEAD", headers: all });
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe("13");
  });

  it("HEAD with the current ETag in If-None-Match gives 304", async () => {
    const all = await authHeaders(harness, json);
    const tag = (await rawRequest("retrieveFileHeaders", file.links.self.href, { method: "HEAD", headers: all })).headers.etag!;
    const head = await rawRequest("retrieveFileHeaders", file.links.self.href, { method: "HEAD", headers: { ...all, [parameters.ifNoneMatch.name]: tag } });
    expect(head.status).toBe(304);
  });

  it("HEAD without a token is refused like GET (401)", async () => {
    expect((await rawRequest("retrieveFileHeaders", file.links.self.href, { method: "HEAD" })).status).toBe(401);
  });

  it("a method the file URL does not take gets 405 whose Allow lists GET and HEAD", async () => {
    const answer = await rawRequest(undefined, file.links.self.href, { method: "DELETE" });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD");
  });

  it("HEAD / answers the docs' headers without the page", async () => {
    const got = await rawRequest(undefined, `${harness.sandbox.url}/`);
    const head = await rawRequest(undefined, `${harness.sandbox.url}/`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    expect(head.headers["content-length"]).toBe(got.headers["content-length"]);
    expect(head.headers["content-type"]).toBe(got.headers["content-type"]);
  });
});
