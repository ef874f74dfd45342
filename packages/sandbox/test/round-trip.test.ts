import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartBody, multipartContentType, overheadOfOnePart, filePart } from "./support/multipart.ts";
import { rawRequest } from "./support/http-request.ts";
import { authHeaders, startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const maxBodyBytes = 256 * 1024;

describe("an upload comes back byte for byte", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ maxBodyBytes, rateLimitPerMinute: 1000 });
  });
  afterAll(() => harness.close());

  const justUnder = maxBodyBytes - overheadOfOnePart("big.bin", "binary/octet-stream");
  it.each([
    ["0 B", 0],
    ["1 B", 1],
    ["1 MB", 1024 * 1024],
    ["just under the body limit", justUnder],
  ])("%s round-trips with the same sha256", async (_name, size) => {
    // The 1 MB case needs a limit above 1 MB: it runs on its own sandbox.
    const target = size > maxBodyBytes ? await startHarness({ rateLimitPerMinute: 1000 }) : harness;
    try {
      const content = randomBytes(size);
      const body = multipartBody([{ name: filePart, filename: "big.bin", contentType: "binary/octet-stream", content }]);
      if (size === justUnder) expect(body.length).toBe(maxBodyBytes);
      const { response, json } = await target.call("uploadFile", `${uploadPath}?include=links`, {
        method: "POST",
        headers: await authHeaders(target, { "Content-Type": multipartContentType }),
        body,
      });
      expect(response.status).toBe(201);
      const file = json();
      const download = await target.call("retrieveFile", file.links.self.href, {
        headers: await authHeaders(target, { Accept: "application/octet-stream" }),
      });
      expect(download.response.status).toBe(200);
      expect(download.body.byteLength).toBe(size);
      expect(sha256(download.body)).toBe(sha256(content));
    } finally {
      if (target !== harness) await target.close();
    }
  });

  it("answers 201 with the File JSON, a weak ETag and a Location equal to its url", async () => {
    const { response, json } = await harness.call("uploadFile", uploadPath, {
      method: "POST",
      headers: await authHeaders(harness, { "Content-Type": multipartContentType }),
      body: multipartBody([{ name: filePart, filename: "pic.jpg", contentType: "image/jpg", content: "jpeg bytes" }]),
    });
    const file = json();
    expect(response.status).toBe(201);
    expect(file).toMatchObject({ type: "file", fileName: "pic.jpg", contentType: "image/jpg" });
    expect(file.links).toBeUndefined();
    expect(response.headers.get("ETag")).toMatch(/^W\/".+"$/);
    expect(response.headers.get("Location")).toBe(file.url);
  });

  it("builds the File's url from the Host the request came to", async () => {
    const host = `files.localhost:${new URL(harness.sandbox.url).port}`;
    const answer = await rawRequest("uploadFile", `${harness.sandbox.url}${uploadPath}`, {
      method: "POST",
      headers: await authHeaders(harness, { "Content-Type": multipartContentType, Host: host }),
      body: multipartBody([{ name: filePart, filename: "a.txt", contentType: "text/plain", content: "a" }]),
    });
    expect(answer.json().url).toMatch(new RegExp(`^http://${host}${uploadPath}/[0-9a-f-]{36}$`));
  });

  it("gives the same weak ETag to the same content, and another to other content", async () => {
    const [a, b, c] = [await harness.upload(Buffer.from("same")), await harness.upload(Buffer.from("same")), await harness.upload(Buffer.from("other"))];
    const etag = async (file: any) =>
      (await harness.call("retrieveFile", file.links.self.href, { headers: await authHeaders(harness) })).response.headers.get("ETag");
    expect(await etag(a)).toBe(await etag(b));
    expect(await etag(a)).not.toBe(await etag(c));
  });

  it("stores the content type with the spec's casing whatever the casing sent", async () => {
    const { json } = await harness.call("uploadFile", uploadPath, {
      method: "POST",
      headers: await authHeaders(harness, { "Content-Type": multipartContentType }),
      body: multipartBody([{ name: filePart, filename: "s.xlsm", contentType: "application/vnd.ms-excel.sheet.macroenabled.12", content: "x" }]),
    });
    expect(json().contentType).toBe("application/vnd.ms-excel.sheet.macroEnabled.12");
  });
});
