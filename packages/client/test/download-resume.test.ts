/**
 * A download that breaks off resumes with `Range` against a server that follows RFC 9110
 * strictly (`test/helpers/strict-http-server.ts`): a weak ETag, what the spec says the API
 * gives, never matches `If-Match` there, so the client must not send it. A file's content
 * never changes after upload, so the rest of the same URL is the rest of the same bytes.
 */
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, InvalidResponseError, PreconditionFailedError, TimeoutError } from "../src/index.ts";
import { fastClient, linkOn } from "./helpers/clients.ts";
import { startStrictServer, type Fault, type StrictServer } from "./helpers/strict-http-server.ts";

const content = new Uint8Array(1_000_000).map((_, i) => (i * 13) % 256);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const drop: Fault = { afterBytes: 400_000, kind: "drop" };
const stall: Fault = { afterBytes: 400_000, kind: "stall" };
let server: StrictServer;
afterEach(() => server?.close());

const resumedFrom = (headers: StrictServer["requests"][number]) => Number(/^bytes=(\d+)-$/.exec(headers.range ?? "")?.[1]);

describe("the strict server is strict (else these tests could not fail)", () => {
  it("refuses a weak ETag in If-Match with 412, and ignores Range under a weak If-Range", async () => {
    server = await startStrictServer({ content, eTag: 'W/"v1"' });
    expect((await fetch(server.url, { headers: { "If-Match": 'W/"v1"' } })).status).toBe(412);
    const ifRange = await fetch(server.url, { headers: { Range: "bytes=10-", "If-Range": 'W/"v1"' } });
    expect(ifRange.status).toBe(200);
    await ifRange.body?.cancel();
  });
});

describe("a download that breaks off resumes from the byte reached, on a strict RFC 9110 server", () => {
  it.each([
    ["a weak ETag (as the API gives): Range alone", 'W/"v1"', undefined],
    ["no ETag: Range alone", undefined, undefined],
    ["a strong ETag: Range guarded by If-Match", '"v1"', '"v1"'],
  ] as const)("with %s", async (_case, eTag, ifMatchSent) => {
    server = await startStrictServer({ content, eTag, faults: [drop] });
    const download = await fastClient(server.url).downloadFile(linkOn(server.url));
    expect(sha256(await download.bytes())).toBe(sha256(content));
    expect(server.requests).toHaveLength(2);
    expect(resumedFrom(server.requests[1]!)).toBeGreaterThan(0);
    expect(server.requests[1]!["if-match"]).toBe(ifMatchSent);
    expect(server.requests[1]!["if-range"]).toBeUndefined();
  });

  it("a body that stalls longer than `timeout` is dropped and resumed the same way", async () => {
    server = await startStrictServer({ content, eTag: 'W/"v1"', faults: [stall] });
    const download = await fastClient(server.url, { timeout: 300 }).downloadFile(linkOn(server.url));
    expect(sha256(await download.bytes())).toBe(sha256(content));
    expect(server.requests.map((headers) => headers["if-match"])).toEqual([undefined, undefined]);
  });

  it("a download started part-way (offset) resumes too, and the copy is the rest of the file", async () => {
    server = await startStrictServer({ content, eTag: 'W/"v1"', faults: [{ afterBytes: 100_000, kind: "drop" }] });
    const download = await fastClient(server.url).downloadFile(linkOn(server.url), { offset: 500_000 });
    expect(sha256(await download.bytes())).toBe(sha256(content.subarray(500_000)));
    expect(resumedFrom(server.requests[1]!)).toBeGreaterThan(500_000);
  });

  it("past retry.maxRetries resumes, a connection that keeps breaking fails with ConnectionError naming the byte", async () => {
    server = await startStrictServer({ content, eTag: 'W/"v1"', faults: [drop, { afterBytes: 1, kind: "drop" }, { afterBytes: 1, kind: "drop" }] });
    const error = await (await fastClient(server.url, { retry: { maxRetries: 2 } }).downloadFile(linkOn(server.url))).bytes().catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/lucca-api\/files\/[^ ]+ at byte \d+ broke off after 2 resumes; download it again \(.+\)\.$/);
    expect(server.requests).toHaveLength(3);
  });

  it("past retry.maxRetries resumes, a body that keeps stalling fails with TimeoutError naming the byte", async () => {
    // A third stall: on a loaded machine the resume's own attempt can time out before its
    // headers and be sent again, which takes the next answer's fault.
    server = await startStrictServer({ content, eTag: undefined, faults: [stall, stall, stall] });
    const error = await (await fastClient(server.url, { timeout: 200, retry: { maxRetries: 1 } }).downloadFile(linkOn(server.url))).bytes().catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/at byte \d+ timed out after 200 ms; raise the `timeout` option/);
  });

  it("a caller's weak ifMatch is refused by such a server with 412, as RFC 9110 says (hence: give a strong one)", async () => {
    server = await startStrictServer({ content, eTag: 'W/"v1"' });
    await expect(fastClient(server.url).downloadFile(linkOn(server.url), { ifMatch: 'W/"v1"' })).rejects.toBeInstanceOf(PreconditionFailedError);
  });
});

it("a resumed answer of another size is refused: it is not the rest of the same file", async () => {
  let first = true;
  const other = new Uint8Array(content.length + 10);
  // The first answer breaks off; the resume is served from a server whose file is longer.
  server = await startStrictServer({ content, eTag: undefined, faults: [drop] });
  const longer = await startStrictServer({ content: other, eTag: undefined });
  const client = fastClient(server.url, {
    fetch: (input, init) => {
      const url = first ? String(input instanceof Request ? input.url : input) : String(input instanceof Request ? input.url : input).replace(server.url, longer.url);
      first = false;
      return fetch(input instanceof Request ? new Request(url, input) : url, init);
    },
  });
  try {
    const error = await (await client.downloadFile(linkOn(server.url))).bytes().catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/to a Range from byte \d+; download the file from the start\.$/);
  } finally {
    await longer.close();
  }
});
