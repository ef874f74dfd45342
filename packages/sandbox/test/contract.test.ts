import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { problemMediaType } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import {
  assertFetchResponseMatchesSpec,
  assertResponseMatchesSpec,
  checkResponse,
  ContractViolationError,
  type ReceivedResponse,
} from "../src/contract/index.ts";

const file = {
  id: "2face165-5345-4cf3-ab05-5421a6b19df2",
  type: "file",
  url: "http://127.0.0.1:4010/lucca-api/files/2face165-5345-4cf3-ab05-5421a6b19df2",
  fileName: "pic.jpg",
  contentType: "image/jpg",
  createdAt: "2024-01-15T08:30:00Z",
};
const json = (body: unknown, type = "application/json") => ({ headers: { "content-type": `${type}; charset=utf-8` }, body: JSON.stringify(body) });
const etag = { etag: 'W/"abc"' };

describe("the contract checker refuses answers the spec does not allow", () => {
  it.each<[string, "uploadFile" | "retrieveFile", ReceivedResponse, string | undefined]>([
    ["a conforming 201 passes", "uploadFile", { status: 201, ...json(file), headers: { ...json(file).headers, ...etag } }, undefined],
    ["a status the operation does not declare fails", "uploadFile", { status: 418, headers: {} }, "status 418 is not declared"],
    ["a missing required header (ETag on 201) fails", "uploadFile", { status: 201, ...json(file) }, "header ETag is required"],
    ["a header that does not match its schema fails", "uploadFile", { status: 201, ...json(file), headers: { ...json(file).headers, etag: '"strong"' } }, "header ETag"],
    ["a body missing a required property fails", "uploadFile", { status: 201, ...json({ ...file, id: undefined }), headers: { ...json(file).headers, ...etag } }, "must have required property 'id'"],
    // A response's contentType is open (a type Lucca adds later must parse), but still a non-empty string.
    ["a content type outside the upload list passes in an answer", "retrieveFile", { status: 200, ...json({ ...file, contentType: "image/avif" }), headers: { ...json(file).headers, ...etag } }, undefined],
    ["an empty content type fails", "retrieveFile", { status: 200, ...json({ ...file, contentType: "" }), headers: { ...json(file).headers, ...etag } }, "body (application/json)"],
    ["an id that is not a uuid fails", "retrieveFile", { status: 200, ...json({ ...file, id: "42" }), headers: { ...json(file).headers, ...etag } }, "body (application/json)"],
    ["a media type the response does not declare fails", "uploadFile", { status: 201, headers: { "content-type": "text/html", ...etag }, body: "<p>" }, "Content-Type text/html is not one"],
    ["a body that is not JSON fails", "uploadFile", { status: 201, headers: { "content-type": "application/json", ...etag }, body: "{" }, "not valid JSON"],
    ["a problem without status fails", "uploadFile", { status: 400, ...json({ title: "Bad" }, problemMediaType) }, "must have required property 'status'"],
    ["a 304 with a body fails", "retrieveFile", { status: 304, headers: etag, body: "x" }, "declares no body"],
    ["a 206 without Content-Range fails", "retrieveFile", { status: 206, headers: { "content-type": "application/octet-stream", ...etag }, body: "x" }, "header Content-Range is required"],
    ["a 429 without Retry-After fails", "uploadFile", { status: 429, ...json({ title: "Too Many Requests", status: 429 }, problemMediaType) }, "header Retry-After is required"],
    ["content of any type is allowed by */* on 200", "retrieveFile", { status: 200, headers: { "content-type": "text/csv", ...etag }, body: "a,b" }, undefined],
  ])("%s", (_rule, operationId, response, violation) => {
    const violations = checkResponse(operationId, response);
    if (violation === undefined) expect(violations).toEqual([]);
    else expect(violations.join("\n")).toContain(violation);
  });

  it("assertResponseMatchesSpec throws a ContractViolationError listing the violations", () => {
    expect(() => assertResponseMatchesSpec("uploadFile", { status: 418, headers: {} })).toThrow(ContractViolationError);
  });

  it("reads fetch Headers as well as Node's header objects", () => {
    const headers = new Headers({ "Content-Type": "application/json", ETag: 'W/"abc"' });
    expect(checkResponse("uploadFile", { status: 201, headers, body: JSON.stringify(file) })).toEqual([]);
  });

  it("rejects a wrong answer received over a real socket (no ETag, a File without id), listing both", async () => {
    const { id: _id, ...withoutId } = file;
    const server = createServer((_request, response) => {
      response.writeHead(201, { "Content-Type": "application/json" });
      response.end(JSON.stringify(withoutId));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const error = await assertFetchResponseMatchesSpec("uploadFile", response).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ContractViolationError);
      expect((error as ContractViolationError).violations.join("\n")).toMatch(/header ETag is required[\s\S]*required property 'id'/);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
