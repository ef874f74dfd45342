import { createHash, randomBytes } from "node:crypto";
import { parameters, responseHeaders } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authHeaders, startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("GET /lucca-api/files/{id}", () => {
  let harness: Harness;
  let png: any;
  let html: any;
  let svg: any;
  let text: any;
  const textContent = "Hello, Lucca!";

  beforeAll(async () => {
    harness = await startHarness({ rateLimitPerMinute: 10_000 });
    png = await harness.upload(Buffer.from("png bytes"), "pic.png", "image/png");
    html = await harness.upload(Buffer.from("<script>alert(1)</script>"), "page.html", "text/html");
    svg = await harness.upload(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), "icon.svg", "image/svg+xml");
    text = await harness.upload(Buffer.from(textContent), "hello.txt", "text/plain");
  });
  afterAll(() => harness.close());

  const get = async (file: any, headers: Record<string, string> = {}, query = "") =>
    harness.call("retrieveFile", `${file.links.self.href}${query}`, { headers: await authHeaders(harness, headers) });

  describe("answers the representation that disposition, then Accept, asks for", () => {
    it.each<[string, Record<string, string>, string, { type: string; disposition?: string } | 406]>([
      ["no Accept gives the JSON", {}, "", { type: "application/json" }],
      ["Accept */* gives the JSON", { Accept: "*/*" }, "", { type: "application/json" }],
      ["Accept application/json gives the JSON", { Accept: "application/json" }, "", { type: "application/json" }],
      ["Accept application/octet-stream gives the content as octet-stream", { Accept: "application/octet-stream" }, "", { type: "application/octet-stream", disposition: "attachment" }],
      ["Accept of the file's own type gives the content", { Accept: "image/png" }, "", { type: "image/png", disposition: "attachment" }],
      ["Accept images/* (Lucca's spelling) gives an image's preview", { Accept: "images/*" }, "", { type: "image/png", disposition: "inline" }],
      ["the best quality wins", { Accept: "application/json;q=0.5, application/octet-stream" }, "", { type: "application/octet-stream", disposition: "attachment" }],
      ["Accept that matches nothing gives 406", { Accept: "video/mp4" }, "", 406],
      ["disposition=inline gives the content inline", { Accept: "application/json" }, "&disposition=inline", { type: "image/png", disposition: "inline" }],
      ["disposition=attachment gives the content as an attachment", {}, "&disposition=attachment", { type: "image/png", disposition: "attachment" }],
      ["disposition=json supersedes Accept", { Accept: "application/octet-stream" }, "&disposition=json", { type: "application/json" }],
    ])("%s", async (_rule, headers, query, want) => {
      const { response, json } = await get(png, headers, query);
      if (want === 406) {
        expect(response.status).toBe(406);
        expect(json().detail).toContain("video/mp4");
        return;
      }
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toContain(want.type);
      if (want.disposition) expect(response.headers.get(responseHeaders.contentDisposition)).toMatch(new RegExp(`^${want.disposition}; filename="pic.png"`));
      else expect(json().id).toBe(png.id);
    });

    it("images/* for a file that is not an image gives 406", async () => {
      expect((await get(text, { Accept: "images/*" })).response.status).toBe(406);
    });
  });

  describe("content is never sniffed or run in the API's origin", () => {
    it.each([
      ["HTML", () => html],
      ["SVG", () => svg],
    ])("%s inline comes with nosniff and a sandboxing Content-Security-Policy", async (_kind, file) => {
      const { response } = await get(file(), {}, "&disposition=inline");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Content-Security-Policy")).toMatch(/(^|;\s*)sandbox(;|$)/);
      expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    });

    it("the JSON and the problems also carry nosniff", async () => {
      expect((await get(png)).response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect((await get(png, { Accept: "video/mp4" })).response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    });
  });

  describe("Content-Disposition encodes the file name safely (RFC 6266, RFC 8187)", () => {
    it.each([
      ["a plain ASCII name is quoted as it is", "report.pdf", 'attachment; filename="report.pdf"'],
      ["a non-ASCII name gets an ASCII fallback and filename*", "résumé été.pdf", `attachment; filename="resume ete.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%C3%A9t%C3%A9.pdf`],
      ["a path sent as the name is reduced to its last segment", "../../etc/passwd", 'attachment; filename="passwd"'],
    ])("%s", async (_rule, fileName, want) => {
      const file = await harness.upload(Buffer.from("x"), fileName, "application/pdf");
      const { response } = await get(file, {}, "&disposition=attachment");
      expect(response.headers.get(responseHeaders.contentDisposition)).toBe(want);
    });
  });

  describe("HEAD answers what GET answers, without the body (the spec declares HEAD on the file URL)", () => {
    const head = async (file: any, headers: Record<string, string> = {}, query = "") =>
      harness.call("retrieveFileHeaders", `${file.links.self.href}${query}`, { method: "HEAD", headers: await authHeaders(harness, headers) });

    it.each<[string, Record<string, string>, string]>([
      ["the JSON representation", {}, ""],
      ["the content", { Accept: "application/octet-stream" }, ""],
      ["the content by disposition", {}, "&disposition=attachment"],
    ])("%s: same status, Content-Type, Content-Length and ETag, no body", async (_name, headers, query) => {
      const got = (await get(text, headers, query)).response;
      const { response, body } = await head(text, headers, query);
      expect(response.status).toBe(got.status);
      for (const name of ["Content-Type", "Content-Length", "ETag", "Content-Disposition"]) expect(response.headers.get(name), name).toBe(got.headers.get(name));
      expect(body.byteLength).toBe(0);
    });

    it("If-None-Match with the current ETag gives 304", async () => {
      const etag = (await get(png)).response.headers.get("ETag")!;
      const { response } = await head(png, { [parameters.ifNoneMatch.name]: etag });
      expect(response.status).toBe(304);
      expect(response.headers.get("ETag")).toBe(etag);
    });

    it("a wrong file token gives 404, without a body", async () => {
      const { response, body } = await head(png, {}, "&token=nope");
      expect(response.status).toBe(404);
      expect(body.byteLength).toBe(0);
    });
  });

  describe("conditional requests: If-None-Match compares weakly, If-Match strongly", () => {
    it("If-None-Match with the current ETag gives 304 and no body", async () => {
      const etag = (await get(png)).response.headers.get("ETag")!;
      const { response, body } = await get(png, { [parameters.ifNoneMatch.name]: etag });
      expect(response.status).toBe(304);
      expect(response.headers.get("ETag")).toBe(etag);
      expect(body.byteLength).toBe(0);
    });

    it("If-None-Match with another ETag gives 200", async () => {
      expect((await get(png, { [parameters.ifNoneMatch.name]: 'W/"other"' })).response.status).toBe(200);
    });

    it("If-Match that does not match gives 412", async () => {
      const { response, json } = await get(png, { [parameters.ifMatch.name]: 'W/"other"' });
      expect(response.status).toBe(412);
      expect(json().detail).toContain('W/"other"');
    });

    it("If-Match with the current ETag gives 412: If-Match compares strongly and the tag is weak (RFC 9110, section 13.1.1); the detail says to send *", async () => {
      const etag = (await get(png)).response.headers.get("ETag")!;
      const { response, json } = await get(png, { [parameters.ifMatch.name]: etag });
      expect(response.status).toBe(412);
      expect(Object.keys(json().errors)).toEqual([parameters.ifMatch.name]);
      expect(json()).toMatchObject({
        detail: `${parameters.ifMatch.name} ${etag} holds a weak entity tag, and ${parameters.ifMatch.name} uses the strong comparison (RFC 9110, section 13.1.1): a weak tag never matches, not even the current ETag ${etag}. Send ${parameters.ifMatch.name}: * to require only that the file exists, or no ${parameters.ifMatch.name}.`,
      });
    });

    it("If-Match with a strong tag gives 412 saying the current ETag is weak, so only * matches", async () => {
      const { response, json } = await get(png, { [parameters.ifMatch.name]: '"other"' });
      expect(response.status).toBe(412);
      expect(json().detail).toMatch(/^If-Match "other" does not match: the current ETag W\/"\S+" is weak, .* only If-Match: \* can match it\./);
    });

    it("If-Match: * gives 200: the file exists", async () => {
      expect((await get(png, { [parameters.ifMatch.name]: "*" })).response.status).toBe(200);
    });
  });

  describe("byte ranges let a download resume", () => {
    const octet = { Accept: "application/octet-stream" };
    it.each<[string, string, number, string | undefined, string | undefined]>([
      ["bytes=7- gives the rest from byte 7", "bytes=7-", 206, "Lucca!", `bytes 7-12/13`],
      ["bytes=0-4 gives the first five bytes", "bytes=0-4", 206, "Hello", `bytes 0-4/13`],
      ["bytes=-6 gives the last six bytes", "bytes=-6", 206, "Lucca!", `bytes 7-12/13`],
      ["an end past the content is cut to its length", "bytes=10-99", 206, "ca!", `bytes 10-12/13`],
      ["a start past the content gives 416", "bytes=13-", 416, undefined, "bytes */13"],
      ["a range the spec's pattern refuses gives 400", "bytes=0-1,3-4", 400, undefined, undefined],
    ])("%s", async (_rule, range, status, content, contentRange) => {
      const { response, body } = await get(text, { ...octet, [parameters.range.name]: range });
      expect(response.status).toBe(status);
      if (content !== undefined) expect(Buffer.from(body).toString()).toBe(content);
      if (contentRange !== undefined) expect(response.headers.get(responseHeaders.contentRange)).toBe(contentRange);
    });

    it("two ranges put together are the whole file", async () => {
      const content = randomBytes(100_000);
      const file = await harness.upload(content);
      const first = await get(file, { ...octet, [parameters.range.name]: "bytes=0-49999" });
      const rest = await get(file, { ...octet, [parameters.range.name]: "bytes=50000-" });
      expect(sha256(Buffer.concat([first.body, rest.body]))).toBe(sha256(content));
    });

    it("Range is ignored for the JSON", async () => {
      expect((await get(text, { [parameters.range.name]: "bytes=0-1" })).response.status).toBe(200);
    });
  });

  describe("the id and the file token must be valid and belong together", () => {
    const fileUrl = (id: string, token: string) => `${harness.sandbox.url}${uploadPath}/${id}?${parameters.fileToken.name}=${token}`;
    const tokenOf = (file: any) => new URL(file.links.self.href).searchParams.get(parameters.fileToken.name)!;

    it("a non-uuid id gives 400 naming id", async () => {
      const { response, json } = await harness.call("retrieveFile", fileUrl("not-a-uuid", tokenOf(png)), { headers: await authHeaders(harness) });
      expect(response.status).toBe(400);
      expect(Object.keys(json().errors)).toContain(parameters.fileId.name);
    });

    it("a missing token gives 400 naming token", async () => {
      const { response, json } = await harness.call("retrieveFile", png.url, { headers: await authHeaders(harness) });
      expect(response.status).toBe(400);
      expect(Object.keys(json().errors)).toContain(parameters.fileToken.name);
    });

    it("a tampered token gives 404", async () => {
      const token = tokenOf(png);
      const tampered = `${token.slice(0, -3)}${token.endsWith("A") ? "B" : "A"}AA`;
      expect((await harness.call("retrieveFile", fileUrl(png.id, tampered), { headers: await authHeaders(harness) })).response.status).toBe(404);
    });

    it("another file's token gives 404", async () => {
      expect((await harness.call("retrieveFile", fileUrl(png.id, tokenOf(text)), { headers: await authHeaders(harness) })).response.status).toBe(404);
    });

    it("an expired token gives 403 saying how to get a fresh one", async () => {
      const expired = (await harness.signer()).sign("file+jwt", { sub: png.id, exp: Math.floor(Date.now() / 1000) - 1 });
      const { response, json } = await harness.call("retrieveFile", fileUrl(png.id, expired), { headers: await authHeaders(harness) });
      expect(response.status).toBe(403);
      expect(json().detail).toContain("include=links");
    });

    it("an access token used as a file token gives 404", async () => {
      const { response } = await harness.call("retrieveFile", fileUrl(png.id, await harness.accessToken()), { headers: await authHeaders(harness) });
      expect(response.status).toBe(404);
    });

    it("a valid token for an id no file has gives 404", async () => {
      const id = "2face165-5345-4cf3-ab05-5421a6b19df2";
      const token = (await harness.signer()).sign("file+jwt", { sub: id, exp: Math.floor(Date.now() / 1000) + 60 });
      expect((await harness.call("retrieveFile", fileUrl(id, token), { headers: await authHeaders(harness) })).response.status).toBe(404);
    });

    it("include=links on GET hands out a fresh, working href", async () => {
      const { json } = await get(png, {}, "&include=links");
      const again = await harness.call("retrieveFile", json().links.self.href, { headers: await authHeaders(harness) });
      expect(again.json().id).toBe(png.id);
    });
  });
});
