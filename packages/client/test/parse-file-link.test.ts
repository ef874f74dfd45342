import { describe, expect, it } from "vitest";
import { resolveFileTarget } from "../src/links/file-target.ts";
import { parseFileLink } from "../src/links/parse-file-link.ts";

const id = "2face165-5345-4cf3-ab05-5421a6b19df2";

describe("parseFileLink takes a link href apart", () => {
  it.each([
    ["an account link", `https://example.ilucca.net/lucca-api/files/${id}?token=eyJ.a.b`, { id, token: "eyJ.a.b", baseUrl: "https://example.ilucca.net" }],
    ["a link with a path prefix keeps it in baseUrl", `http://127.0.0.1:4010/proxy/lucca-api/files/${id}?token=t`, { id, token: "t", baseUrl: "http://127.0.0.1:4010/proxy" }],
    ["other query parameters are ignored", `https://x.ilucca.net/lucca-api/files/${id}?include=links&token=t2`, { id, token: "t2", baseUrl: "https://x.ilucca.net" }],
  ])("%s", (_rule, href, want) => {
    expect(parseFileLink(href)).toEqual({ href, ...want });
  });

  it.each([
    ["a relative URL names the field and shows the expected form, its token redacted", "/lucca-api/files/x?token=s3cr3t", /^href: '\/lucca-api\/files\/x\?token=\[redacted\]' is not a file link \(https:\/\/…\/lucca-api\/files\/\{id\}\?token=…\)/],
    ["a URL of another resource", "https://x.ilucca.net/lucca-api/employees/1?token=t", /^href: 'https:\/\/x\.ilucca\.net\/lucca-api\/employees\/1\?token=\[redacted\]' is not a file link/],
    ["the File's url without token says where to find the link", `https://x.ilucca.net/lucca-api/files/${id}`, /is not a file link .*; pass the whole `href` of a file's `links` \(include: \['links'\]\)\.$/],
    ["an id with a malformed escape (an InvalidInputError, not decodeURIComponent's URIError)", "https://x.ilucca.net/lucca-api/files/%E0?token=t", /^href: 'https:\/\/x\.ilucca\.net\/lucca-api\/files\/%E0\?token=\[redacted\]' is not a file link/],
  ])("refuses %s", (_rule, href, message) => {
    expect(() => parseFileLink(href)).toThrowError(expect.objectContaining({ name: "InvalidInputError" }));
    expect(() => parseFileLink(href)).toThrowError(message);
  });
});

describe("resolveFileTarget accepts every way to name a file", () => {
  const href = `https://example.ilucca.net/lucca-api/files/${id}?token=t`;
  it.each([
    ["a link href", href],
    ["a Link", { href }],
    ["a File with links.self", { id, links: { self: { href } } }],
    ["an id with its token", { id, token: "t" }],
  ])("%s", (_rule, target) => {
    expect(resolveFileTarget(target, { baseUrl: "https://example.ilucca.net", apiOrigin: "https://example.ilucca.net" })).toMatchObject({ id, token: "t", baseUrl: "https://example.ilucca.net" });
  });
  it("a File without links says to ask for include: ['links']", () => {
    expect(() => resolveFileTarget({ id, links: {} }, { baseUrl: "https://x", apiOrigin: "https://x" })).toThrowError(/include: \['links'\]/);
  });
});
