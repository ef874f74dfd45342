import { contentTypes } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import { browserContentType } from "../src/upload/content-type-aliases.ts";
import { checkContentType, checkedContentType, contentTypeAliases, inferContentType, unknownContentType } from "../src/upload/content-type.ts";
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

describe("browserContentType: a browser's choice, without the spec's list (the API checks the type)", () => {
  it.each([
    ["a given type goes as given", "application/pdf", undefined, "application/pdf"],
    ["a given type the API does not list goes too (the API answers 400)", "video/quicktime", "image/png", "video/quicktime"],
    ["a given alias goes in the API's spelling (Node refuses it instead)", "image/jpeg", undefined, "image/jpg"],
    ["a given alias in any case, with parameters", "Image/JPEG; q=1", undefined, "image/jpg"],
    ["the File's own type when none is given", undefined, "application/pdf", "application/pdf"],
    ["the File's alias in the API's spelling", undefined, "image/jpeg", "image/jpg"],
    ["binary/octet-stream for a Blob without a type", undefined, "", unknownContentType],
    ["binary/octet-stream when nothing is known", undefined, undefined, unknownContentType],
  ] as const)("%s", (_rule, given, blobType, want) => {
    expect(browserContentType(given, blobType)).toBe(want);
  });

  it.each(["", " ", "; charset=utf-8"])("a given contentType %j is refused before sending, naming the field, as on Node", (given) => {
    expect(() => browserContentType(given, "application/pdf")).toThrowError(/^contentType: '.*' is not accepted by the API; pass a type it accepts, e\.g\. 'binary\/octet-stream'\.$/);
    expect(() => checkedContentType(extensionTypes)(given, "application/pdf", "x.pdf")).toThrowError(/^contentType: '.*' is not accepted by the API; pass /);
  });
});
