import { beforeAll, describe, expect, it } from "vitest";
import { classify } from "../spec-check/classify.ts";
import type { RedoclyChange } from "../spec-check/redocly-diff.ts";
import { compareAhead, compareFixtures, compareWithBase, verdictAgainstBase } from "./compare-fixtures.ts";

/** The fixture whose upload part lists its content types: the base of the edits that need one. */
const LISTED = "part-content-type-narrowed";

beforeAll(async () => {
  await Promise.all([
    compareAhead(["part-content-type-narrowed", "part-content-type-widened", "part-header-required", "part-explode-changed"]),
    compareFixtures(LISTED, "part-and-enum-lost-png"),
  ]);
}, 120_000);

describe("a change to an upload part's encoding (Redocly reports it, rates none of it)", () => {
  it.each([
    [
      "a part that lists its content types no longer accepts its default (application/octet-stream)",
      "part-content-type-narrowed",
      "encoding-content-type-narrowed",
      "Part `form` of `multipart/form-data` no longer accepts `application/octet-stream` (its default content type, the encoding gave none): it accepts `image/png`, `image/jpg`, `application/pdf`.",
    ],
    ["a part that requires a header it did not", "part-header-required", "encoding-header-required", "Part `form` of `multipart/form-data` now requires header `Content-MD5`."],
    [
      "a form part no longer exploded",
      "part-explode-changed",
      "encoding-serialization-changed",
      "Part `form` of `multipart/form-data` is serialized differently: `explode` `true` → `false` (defaults filled in).",
    ],
  ])("breaks clients: %s", async (_, revision, rule, finding) => {
    const changes = await compareWithBase(revision);
    expect(changes).toMatchObject([{ area: "request body", subject: "multipart/form-data", operations: ["POST /files"], breaking: true, rules: [rule], finding }]);
    expect(changes[0]!.why).toMatch(/\w/);
    expect((await verdictAgainstBase(revision, changes)).ok).toBe(false);
  });

  it("does not break clients when the new list still covers what the part accepted (application/octet-stream, image/*)", async () => {
    const changes = await compareWithBase("part-content-type-widened");
    expect(changes).toMatchObject([{ area: "request body", subject: "multipart/form-data", breaking: false, rules: [] }]);
    expect((await verdictAgainstBase("part-content-type-widened", changes)).ok).toBe(true);
  });

  it("counts a content type dropped from both the part's list and the ContentType enum once, saying both moved", async () => {
    const changes = await compareFixtures(LISTED, "part-and-enum-lost-png");
    expect(changes).toEqual([
      expect.objectContaining({
        area: "request body",
        subject: "multipart/form-data",
        detail: "encoding/form/contentType: −`image/png`; and schema `ContentType`: enum: −`image/png`",
        operations: ["POST /files", "GET /files/{id}"],
        breaking: true,
        rules: ["encoding-content-type-narrowed", "enum-values-removed-from-response"],
        finding:
          "Part `form` of `multipart/form-data` no longer accepts `image/png`: it accepts `image/jpg`, `application/pdf`. " +
          "The enum of schema `ContentType` lost `image/png` too: the part's list and the enum moved together, one change counted once.",
      }),
    ]);
    expect(changes[0]!.why).toMatch(/^Clients that send the part as a media type no longer listed are refused .* And the generated union loses the value: client code that compares with it stops compiling\.$/);
  });
});

const UPLOAD = "#/paths/~1files/post/requestBody/content/multipart~1form-data";
const PARTS = "#/paths/~1files/get/responses/200/content/multipart~1mixed";

/** A document whose upload part and whose multipart answer's part have the given encodings. */
function documentWith(request: object, response: object = {}, requestMediaType = "multipart/form-data") {
  const part = { type: "object", properties: { form: { type: "string", format: "binary" } } };
  return {
    paths: {
      "/files": {
        post: { requestBody: { content: { [requestMediaType]: { schema: part, encoding: { form: request } } } } },
        get: { responses: { "200": { description: "Parts.", content: { "multipart/mixed": { schema: part, encoding: { form: response } } } } } },
      },
    },
  };
}

/** An edit of one property of the `form` part's encoding, as Redocly reports it (no verdict). */
function edited(at: string, property: string, before: unknown, after: unknown, below = ""): RedoclyChange {
  const path = `${at}/encoding/form${below}`;
  return {
    path,
    kind: "modified",
    impact: "patch",
    verdicts: [],
    property,
    base: { pointer: `${path}/${property}`, ...(before === undefined ? {} : { value: before }) },
    revision: { pointer: `${path}/${property}`, ...(after === undefined ? {} : { value: after }) },
  };
}

/** A `contentType` edit of the upload part (UPLOAD) or of the answer's part (PARTS); `undefined` leaves it out. */
function contentTypes(at: string, before: string | undefined, after: string | undefined) {
  const side = (contentType: string | undefined) => {
    const encoding = contentType === undefined ? {} : { contentType };
    return at === UPLOAD ? documentWith(encoding) : documentWith({}, encoding);
  };
  return { change: edited(at, "contentType", before, after), documents: { base: side(before), revision: side(after) } };
}

describe("what a part accepts, and what it may come as", () => {
  it.each<[string, string, string | undefined, string | undefined, string[]]>([
    ["a request part that loses a listed type breaks", UPLOAD, "image/png, image/jpg", "image/jpg", ["encoding-content-type-narrowed"]],
    ["a request part that gains a type does not", UPLOAD, "image/jpg", "image/jpg, image/png", []],
    ["a request part whose */* becomes a list breaks", UPLOAD, "*/*", "image/png, image/jpg", ["encoding-content-type-narrowed"]],
    ["a request part whose image/* becomes a list of images breaks (image/gif was accepted)", UPLOAD, "image/*", "image/png, image/jpg", ["encoding-content-type-narrowed"]],
    ["a request part whose list becomes a range covering it does not", UPLOAD, "image/png, image/jpg", "image/*", []],
    ["a request part whose list is only reordered or re-spaced does not", UPLOAD, "image/png,image/jpg", "Image/JPG, image/png", []],
    ["a request part whose list becomes the default it did not cover breaks", UPLOAD, "image/png", undefined, ["encoding-content-type-narrowed"]],
    ["a response part that may come as one more type breaks", PARTS, "image/png", "image/png, image/gif", ["encoding-content-type-widened"]],
    ["a response part that comes as fewer types does not", PARTS, "image/png, image/gif", "image/png", []],
  ])("%s", (_, at, before, after, rules) => {
    const { change, documents } = contentTypes(at, before, after);
    expect(classify(change, documents).rules).toEqual(rules);
  });

  it("shows a list edit by the types it lost and gained, not as two long strings", () => {
    const { change, documents } = contentTypes(UPLOAD, "image/png, image/jpg, application/pdf", "image/jpg, application/pdf, text/csv");
    expect(classify(change, documents)).toMatchObject({ detail: "encoding/form/contentType: −`image/png` +`text/csv`" });
  });

  it("names at most six of the types a part no longer accepts, and counts the rest", () => {
    const many = Array.from({ length: 9 }, (_, index) => `text/x-${index}`);
    const { change, documents } = contentTypes(UPLOAD, many.join(", "), "text/plain");
    expect(classify(change, documents).finding).toBe(
      "Part `form` of `multipart/form-data` no longer accepts `text/x-0`, `text/x-1`, `text/x-2`, `text/x-3`, `text/x-4`, `text/x-5` and 3 more: it accepts `text/plain`.",
    );
  });
});

describe("a part's headers and serialization", () => {
  const header = (required: boolean) => ({ "Content-MD5": { required, schema: { type: "string" } } });
  it.each<[string, RedoclyChange, object, object, string[]]>([
    ["a request part's header made required breaks", edited(UPLOAD, "required", false, true, "/headers/Content-MD5"), documentWith({ headers: header(false) }), documentWith({ headers: header(true) }), ["encoding-header-required"]],
    ["a request part's header made optional does not", edited(UPLOAD, "required", true, false, "/headers/Content-MD5"), documentWith({ headers: header(true) }), documentWith({ headers: header(false) }), []],
    [
      "a response part's header no longer required breaks",
      edited(PARTS, "required", true, false, "/headers/Content-MD5"),
      documentWith({}, { headers: header(true) }),
      documentWith({}, { headers: header(false) }),
      ["encoding-header-no-longer-required"],
    ],
    ["a form part's style changed breaks", edited(UPLOAD, "style", undefined, "spaceDelimited"), documentWith({}), documentWith({ style: "spaceDelimited" }), ["encoding-serialization-changed"]],
    ["a form part's explode written down as its default does not", edited(UPLOAD, "explode", undefined, true), documentWith({}), documentWith({ explode: true }), []],
    [
      "a style change where the media type has no form serialization (application/json) does not",
      edited("#/paths/~1files/post/requestBody/content/application~1json", "style", undefined, "spaceDelimited"),
      documentWith({}, {}, "application/json"),
      documentWith({ style: "spaceDelimited" }, {}, "application/json"),
      [],
    ],
  ])("%s", (_, change, base, revision, rules) => {
    expect(classify(change, { base, revision }).rules).toEqual(rules);
  });

  it("leaves alone the encoding of a part the body did not have: no client sends it yet", () => {
    const withPart = (parts: string[]) => {
      const document = documentWith({});
      const upload = document.paths["/files"].post.requestBody.content["multipart/form-data"] as any;
      for (const part of parts) upload.schema.properties[part] = { type: "string", format: "binary" };
      upload.encoding.meta = parts.includes("meta") ? { contentType: "image/png" } : undefined;
      return document;
    };
    const change: RedoclyChange = { path: `${UPLOAD}/encoding/meta`, kind: "added", impact: "minor", verdicts: [], revision: { pointer: `${UPLOAD}/encoding/meta`, value: { contentType: "image/png" } } };
    expect(classify(change, { base: withPart([]), revision: withPart(["meta"]) }).rules).toEqual([]);
  });

  it("leaves alone a schema property that happens to be named `encoding`", () => {
    const schema = (maxLength: number) => ({ paths: { "/files": { post: { requestBody: { content: { "application/json": { schema: { properties: { encoding: { type: "string", maxLength } } } } } } } } } });
    const change = edited("#/paths/~1files/post/requestBody/content/application~1json/schema/properties", "maxLength", 10, 5);
    change.path = "#/paths/~1files/post/requestBody/content/application~1json/schema/properties/encoding";
    expect(classify(change, { base: schema(10), revision: schema(5) }).rules).toEqual([]);
  });
});
