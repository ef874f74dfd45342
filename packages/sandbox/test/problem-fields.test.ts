import { parameters, problemMediaType } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxEchoedChars } from "../src/problem.ts";
import { filePart, multipartBody, multipartContentType } from "./support/multipart.ts";
import { authHeaders, startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

/** Every refusal a field can be blamed for names that field in `errors`, whatever the status. */
describe("a problem's errors map names the offending field", () => {
  let harness: Harness;
  let file: any;
  const maxBodyBytes = 1024;
  beforeAll(async () => {
    harness = await startHarness({ maxBodyBytes, rateLimitPerMinute: 1000 });
    file = await harness.upload(Buffer.from("Hello"), "hello.txt", "text/plain");
  });
  afterAll(() => harness.close());

  const upload = async (headers: Record<string, string>, body: BodyInit) =>
    harness.call("uploadFile", uploadPath, { method: "POST", headers: await authHeaders(harness, headers), body });
  const retrieve = async (headers: Record<string, string>, href = file.links.self.href) =>
    harness.call("retrieveFile", href, { headers: await authHeaders(harness, headers) });

  it.each<[string, number, string, () => Promise<{ response: Response; json(): any }>]>([
    ["a missing bearer token blames Authorization", 401, "Authorization", async () =>
      harness.call("uploadFile", uploadPath, { method: "POST", headers: { [parameters.apiVersion.name]: "2024-11-01" } })],
    ["a body over the limit blames body", 413, "body", () =>
      upload({ "Content-Type": multipartContentType }, multipartBody([{ name: filePart, filename: "a", contentType: "text/plain", content: "x".repeat(maxBodyBytes) }]))],
    ["a body that is not multipart blames Content-Type", 415, "Content-Type", () => upload({ "Content-Type": "text/plain" }, "x")],
    ["an Accept nothing satisfies blames Accept", 406, "Accept", () => retrieve({ Accept: "video/mp4" })],
    ["a failed If-Match blames If-Match", 412, parameters.ifMatch.name, () => retrieve({ [parameters.ifMatch.name]: 'W/"old"' })],
    ["a range outside the content blames Range", 416, parameters.range.name, () =>
      retrieve({ Accept: "application/octet-stream", [parameters.range.name]: "bytes=99-" })],
    ["a file token of another file blames id", 404, parameters.fileId.name, () =>
      retrieve({}, file.links.self.href.replace(file.id, "2face165-5345-4cf3-ab05-5421a6b19df2"))],
  ])("%s (%d)", async (_rule, status, field, send) => {
    const { response, json } = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toContain(problemMediaType);
    expect(Object.keys(json().errors)).toEqual([field]);
  });

  it("a refusal of a long value names the field, the value's start and length, and the fix, and cuts instance", async () => {
    const accept = `video/${"x".repeat(7_000)}`;
    const { response, json } = await retrieve({ Accept: accept });
    expect(response.status).toBe(406);
    const problem = json();
    expect(problem.detail).toContain(`Accept '${accept.slice(0, maxEchoedChars)}… (${accept.length} characters)'`);
    expect(problem.detail).toContain("use the disposition query parameter");
    expect(problem.errors.Accept).toEqual([problem.detail]);

    const longId = "a".repeat(7_000);
    const { json: notFound } = await retrieve({}, file.links.self.href.replace(file.id, longId));
    expect(notFound().instance).toBe(`${new URL(file.links.self.href).pathname.replace(file.id, longId).slice(0, maxEchoedChars)}...`);
  });
});
