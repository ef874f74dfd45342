import { contentTypes } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import { checkContentType, contentTypeAliases, inferContentType, unknownContentType } from "../src/upload/content-type.ts";
import { extensionTypes } from "../src/upload/extension-types.ts";

describe("checkContentType accepts only the spec's values", () => {
  it("image/jpeg is refused with advice to send image/jpg", () => {
    expect(() => checkContentType("image/jpeg")).toThrowError(/^contentType: 'image\/jpeg' is not accepted by the API; pass 'image\/jpg'\.$/);
  });
  it("application/octet-stream is refused with advice to send binary/octet-stream", () => {
    expect(() => checkContentType("application/octet-stream")).toThrowError(/'binary\/octet-stream'/);
  });
  it("a type with no known alias names where the accepted list is", () => {
    expect(() => checkContentType("video/webm")).toThrowError(/'video\/webm' is not accepted by the API; pass one of the spec's FileContentType values, e\.g\. message\/rfc822, /);
  });
  it.each(contentTypes.map((type) => [type]))("%s is accepted", (type) => expect(checkContentType(type)).toBe(type));
});

describe("inferContentType picks an accepted type when the caller names none", () => {
  it.each([
    ["the Blob's type when the API accepts it", "application/pdf", "x.bin", "application/pdf"],
    ["the accepted alias of the Blob's type (browsers say image/jpeg)", "image/jpeg", "x.jpg", "image/jpg"],
    ["the extension when the Blob has no type", undefined, "photo.JPEG", "image/jpg"],
    ["an Outlook message by its extension", undefined, "mail.msg", "application/vnd.ms-outlook"],
    ["a detached signature by its extension", undefined, "contract.pdf.p7s", "application/pkcs7-signature"],
    ["the extension when the Blob's type is not accepted", "video/webm", "notes.txt", "text/plain"],
    ["binary/octet-stream when nothing is known", undefined, "data.unknownext", unknownContentType],
    ["the extension over a generic application/octet-stream Blob type", "application/octet-stream", "report.pdf", "application/pdf"],
    ["the extension over a generic binary/octet-stream Blob type", "binary/octet-stream", "report.pdf", "application/pdf"],
    ["binary/octet-stream for a generic Blob type and an unknown extension", "application/octet-stream", "data.unknownext", unknownContentType],
  ] as const)("%s", (_rule, blobType, fileName, want) => {
    expect(inferContentType(blobType, fileName, extensionTypes)).toBe(want);
  });
});

describe("the extension and alias tables only map to accepted types", () => {
  it.each(Object.entries({ ...extensionTypes, ...contentTypeAliases }))("%s → %s is in the spec's list", (_key, type) => {
    expect(contentTypes).toContain(type);
  });
  it.each(Object.keys(contentTypeAliases))("the alias %s is itself not accepted (or it would be no alias)", (alias) => {
    expect(contentTypes).not.toContain(alias);
  });
});
