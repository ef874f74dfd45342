/**
 * Property-based tests: random and adversarial multipart bodies, `Range`, conditional
 * headers, `Accept`, `disposition` and `Api-Version`, sent over a real socket. Whatever
 * comes, the sandbox never answers 5xx, never answers off the spec (every answer goes
 * through the contract checker), answers every refusal in under 8 KiB whatever the body's
 * size (one refusal, not one message per part) and however long a value it refuses (a
 * refusal repeats a value it names only in part), and leaves no upload half stored. Memory
 * is not measured here: `bench/many-parts.ts` measures the server's peak RSS against a
 * body of 400,000 parts. fast-check (a devDependency) generates the cases and, on a failure, shrinks
 * them to a minimal one and prints the seed to replay it: a hand-written generator would
 * give neither.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { contentTypes, currentApiVersion, dispositionValues, endpoints, limits, parameters } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoClient } from "../src/options.ts";
import { eventually } from "./support/eventually.ts";
import { rawRequest, type RawAnswer } from "./support/http-request.ts";
import { boundary, filePart, multipartBody, multipartContentType, type Part } from "./support/multipart.ts";
import { startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

/** Refusals are one problem each: far under this whatever the request's size. */
const maxAnswerBytes = 8 * 1024;
const numRuns = 120;

/** Printable ASCII, the most a header value can carry on the wire. */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 });
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), headerText);

const apiVersion = fc.oneof(
  fc.constant(currentApiVersion),
  fc.date({ noInvalidDate: true, min: new Date("1900-01-01"), max: new Date("2200-01-01") }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom("2024-02-30", "2024-13-01", "latest", "", " 2024-11-01"),
  headerText,
);

function expectSound(answer: RawAnswer): void {
  expect(answer.status).toBeLessThan(500);
  if (answer.status >= 400) expect(answer.body.byteLength).toBeLessThan(maxAnswerBytes);
}

describe("hostile input never gets a 5xx, an answer off the spec, or a large answer", () => {
  let harness: Harness;
  let token: string;
  let file: any;
  beforeAll(async () => {
    harness = await startHarness({ rateLimitPerMinute: 1_000_000 });
    token = await harness.accessToken();
    file = await harness.upload(Buffer.from("Hello, Lucca!"), "hello.txt", "text/plain");
  });
  afterAll(() => harness.close());

  const part: fc.Arbitrary<Part> = fc.record({
    name: fc.oneof(fc.constant(filePart), anyText),
    filename: fc.option(fc.oneof(fc.constantFrom("..", ".", "", "a/", "../../etc/passwd", "C:\\x\\y.txt", "pic.png"), anyText), { nil: undefined }),
    contentType: fc.option(fc.oneof(fc.constantFrom(...contentTypes), fc.constantFrom("image/jpeg", "IMAGE/PNG", ""), headerText), { nil: undefined }),
    content: fc.uint8Array({ maxLength: 256 }),
  });

  const multipart = fc.record({
    parts: fc.array(part, { maxLength: 5 }),
    /** Tiny extra parts after the others: the answer must not grow with their number. */
    extraParts: fc.nat({ max: 3000 }),
    close: fc.boolean(),
    /** Cut the body short at this fraction of its length (1: whole). */
    cut: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    contentType: fc.oneof(
      { weight: 5, arbitrary: fc.constant(multipartContentType) },
      fc.constantFrom("multipart/form-data", "multipart/form-data; boundary=", `multipart/form-data; boundary="${boundary}"`, "multipart/mixed; boundary=x", "application/json"),
      headerText,
    ),
    apiVersion,
  });

  it("uploadFile: random and malformed multipart bodies", async () => {
    await fc.assert(
      fc.asyncProperty(multipart, async ({ parts, extraParts, close, cut, contentType, apiVersion: version }) => {
        const extras: Part[] = Array.from({ length: extraParts }, (_, index) => ({ name: `x${index}`, content: "a" }));
        const whole = multipartBody([...parts, ...extras], { close });
        const body = whole.subarray(0, Math.floor(whole.length * cut));
        const answer = await rawRequest("uploadFile", `${harness.sandbox.url}${uploadPath}`, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, [parameters.apiVersion.name]: version, "Content-Type": contentType },
          body,
        });
        expectSound(answer);
        const pending = await eventually(() => readdir(join(harness.dataDir, "tmp")), (names) => names.length === 0);
        expect(pending).toEqual([]);
      }),
      { numRuns },
    );
  });

  const tag = fc.oneof(fc.constant("*"), headerText, headerText.map((text) => `W/"${text}"`), headerText.map((text) => `"${text}"`));
  const mediaRange = fc.oneof(fc.constantFrom("*/*", "application/json", "application/octet-stream", "text/plain", "text/*", "image/*", "images/*", "video/mp4", "*/json"), headerText);
  const quality = fc.option(fc.oneof(fc.constantFrom("0", "1", "0.5", "0.001", "-1", "2", "abc", "NaN", ""), fc.double().map(String)), { nil: undefined });
  const accept = fc.oneof(
    headerText,
    fc.array(fc.tuple(mediaRange, quality), { maxLength: 5 }).map((entries) => entries.map(([type, q]) => (q === undefined ? type : `${type};q=${q}`)).join(", ")),
  );
  const range = fc.oneof(
    headerText,
    fc.tuple(fc.option(fc.nat({ max: 40 }), { nil: undefined }), fc.option(fc.nat({ max: 40 }), { nil: undefined })).map(([first, last]) => `bytes=${first ?? ""}-${last ?? ""}`),
    fc.constantFrom("bytes=0-0,2-3", "bytes=99999999999999999999-", "bytes=--1", "items=0-1"),
  );
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

  const retrieval = fc.record({
    method: fc.constantFrom("GET", "HEAD"),
    accept: optional(accept),
    range: optional(range),
    ifMatch: optional(fc.oneof(tag, fc.array(tag, { maxLength: 3 }).map((tags) => tags.join(", ")))),
    ifNoneMatch: optional(fc.oneof(tag, fc.array(tag, { maxLength: 3 }).map((tags) => tags.join(", ")))),
    disposition: optional(fc.oneof(fc.constantFrom(...dispositionValues), anyText)),
    include: optional(fc.oneof(fc.constantFrom("links", "embedded", "links,embedded", "everything", ","), anyText)),
    apiVersion,
  });

  it("retrieveFile: random Range, conditional headers, Accept, disposition and Api-Version", async () => {
    // The current tags of the file's representations, so that some cases match.
    const realTags = await Promise.all(
      ["application/json", "application/octet-stream", "text/plain"].map(async (type) => {
        const answer = await rawRequest("retrieveFile", file.links.self.href, {
          headers: { Authorization: `Bearer ${token}`, [parameters.apiVersion.name]: currentApiVersion, Accept: type },
        });
        return answer.headers.etag!;
      }),
    );
    const withRealTags = retrieval.chain((request) =>
      fc.record({ request: fc.constant(request), useRealTag: fc.option(fc.constantFrom(...realTags), { nil: undefined }) }),
    );
    await fc.assert(
      fc.asyncProperty(withRealTags, async ({ request, useRealTag }) => {
        const url = new URL(file.links.self.href);
        if (request.disposition !== undefined) url.searchParams.set(parameters.disposition.name, request.disposition);
        if (request.include !== undefined) url.searchParams.set(parameters.include.name, request.include);
        const headers: Record<string, string> = { Authorization: `Bearer ${token}`, [parameters.apiVersion.name]: request.apiVersion };
        if (request.accept !== undefined) headers.Accept = request.accept;
        if (request.range !== undefined) headers[parameters.range.name] = request.range;
        if (request.ifMatch !== undefined) headers[parameters.ifMatch.name] = request.ifMatch;
        const ifNoneMatch = useRealTag ?? request.ifNoneMatch;
        if (ifNoneMatch !== undefined) headers[parameters.ifNoneMatch.name] = ifNoneMatch;
        const operation = request.method === "HEAD" ? "retrieveFileHeaders" : "retrieveFile";
        const answer = await rawRequest(operation, url.href, { method: request.method, headers });
        expectSound(answer);
        if (request.method === "HEAD") expect(answer.body.byteLength).toBe(0);
        expect(Object.keys(endpoints[operation].responses)).toContain(String(answer.status));
      }),
      { numRuns },
    );
  });

  /**
   * One value as long as the server's limits let it be, anywhere the sandbox may repeat it
   * in a refusal: a 7,000-character id in the path, a query value, a header (the head of
   * the request stays under `maxRequestHeaderBytes`, or Node's parser would answer 431
   * before the sandbox sees the value), a part's name, file name or content type.
   */
  const longValuePlaces = [
    "file id",
    "unknown path",
    "method not allowed",
    parameters.disposition.name,
    parameters.include.name,
    "Accept",
    parameters.range.name,
    parameters.ifMatch.name,
    parameters.ifNoneMatch.name,
    parameters.apiVersion.name,
    "Host",
    "upload Content-Type",
    "part name",
    "two parts of that name",
    "file name",
    "part content type",
    "grant_type",
    "scope",
  ] as const;
  /** The other parts of the request's head (its line, the token, the other headers): generous. */
  const restOfHead = 1_000;
  const printable = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
  const longValue = (unit: fc.Arbitrary<string>) =>
    fc
      .tuple(fc.string({ unit, minLength: 1, maxLength: 8 }), fc.integer({ min: 1_000, max: limits.maxRequestHeaderBytes - restOfHead }))
      .map(([seed, length]) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length));
  const urlSafe = fc.constantFrom(..."abcdef0123456789-_.~".split(""));
  const listItem = fc.constantFrom(..."abc,".split(""));

  it("a refusal stays under 8 KiB however long the value it refuses, within the server's limits", async () => {
    const href = new URL(file.links.self.href);
    const fileId = href.pathname.split("/").at(-1)!;
    const headers = { Authorization: `Bearer ${token}`, [parameters.apiVersion.name]: currentApiVersion };
    const inUrl: readonly string[] = ["file id", "unknown path", "method not allowed", parameters.disposition.name, parameters.include.name];
    const cases = fc.oneof(
      fc.record({ place: fc.constantFrom(...longValuePlaces.filter((place) => !inUrl.includes(place))), value: longValue(printable) }),
      // In the URL, characters that need no escaping: escaped, the value would grow threefold.
      fc.record({ place: fc.constantFrom(...inUrl), value: longValue(urlSafe) }),
      // A long list: each bad item would have its own message.
      fc.record({ place: fc.constant(parameters.include.name), value: longValue(listItem) }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ place, value }) => {
        const url = new URL(href);
        let operation: "retrieveFile" | "uploadFile" | undefined = "retrieveFile";
        const init: { method?: string; headers: Record<string, string>; body?: Uint8Array } = { headers: { ...headers } };
        const upload = (parts: Part[], contentType = multipartContentType) => {
          url.href = `${harness.sandbox.url}${uploadPath}`;
          operation = "uploadFile";
          Object.assign(init, { method: "POST", body: multipartBody(parts), headers: { ...headers, "Content-Type": contentType } });
        };
        const aFile = (part: Partial<Part>): Part => ({ name: filePart, filename: "a.txt", contentType: "text/plain", content: "a", ...part });
        switch (place) {
          case "file id":
            url.pathname = url.pathname.replace(fileId, value);
            break;
          case "unknown path":
            url.pathname = `/${value}`;
            operation = undefined;
            break;
          case "method not allowed":
            url.pathname = url.pathname.replace(fileId, value);
            init.method = "DELETE";
            operation = undefined;
            break;
          case parameters.disposition.name:
          case parameters.include.name:
            url.search = `${url.search}&${place}=${value}`;
            break;
          case "Host":
            init.headers.Host = value;
            break;
          case "upload Content-Type":
            upload([aFile({})], value);
            break;
          case "part name":
            upload([{ name: value, content: "a" }]);
            break;
          case "two parts of that name":
            upload([aFile({ name: value }), aFile({ name: value })]);
            break;
          case "file name":
            upload([aFile({ filename: `${value}/` })]);
            break;
          case "part content type":
            upload([aFile({ contentType: value })]);
            break;
          case "grant_type":
          case "scope": {
            // The token endpoint answers RFC 6749 errors, not problems: only their size is checked.
            const form = new URLSearchParams({ grant_type: "client_credentials", client_id: demoClient.clientId, client_secret: demoClient.clientSecret, [place]: value });
            url.href = harness.sandbox.tokenUrl;
            operation = undefined;
            Object.assign(init, { method: "POST", body: new TextEncoder().encode(form.toString()), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
            break;
          }
          default:
            init.headers[place] = value;
        }
        // Only the value over the limit is long: the sandbox saw it, Node's parser did not refuse it.
        const answer = await rawRequest(operation, url.href, init);
        expect(answer.status).not.toBe(431);
        expectSound(answer);
      }),
      { numRuns },
    );
  });
});
