/**
 * The spec's problem examples are what the sandbox answers in the same case: a reader of
 * the reference and a user of the sandbox see one text. Each example is compared, member
 * by member, with the answer to a real request that makes that problem, except the
 * members that name one request (`instance`, `traceId`) and `type`, which the sandbox
 * leaves out (RFC 7807 reads that as `about:blank`).
 */
import { currentApiVersion, endpoints, limits, parameters, problemMediaType, responseHeaders } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadSpecDocument } from "../src/spec-document.ts";
import { rawRequest } from "./support/http-request.ts";
import { multipartContentType } from "./support/multipart.ts";
import { authHeaders, startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

const spec = loadSpecDocument();
const problemResponses = Object.entries<any>(spec.components.responses).filter(([, response]) => response.content?.[problemMediaType]);
const exampleOf = (responseName: string) => spec.components.responses[responseName].content[problemMediaType].example;

/** The members an answer shares with every answer to the same case. */
function sameInEveryOccurrence(problem: Record<string, unknown>): Record<string, unknown> {
  const { type: _type, instance: _instance, traceId: _traceId, ...rest } = problem;
  return rest;
}

/** A scope that may read files but not upload one (the spec's retrieveFile scopes but uploadFile's). */
const readOnlyScope = endpoints.retrieveFile.scopes.flat().find((scope) => !endpoints.uploadFile.scopes.flat().includes(scope as never))!;

/** The problems the sandbox never answers, and why. */
const notProducedBySandbox: Record<string, string> = {
  RequestTimeout: "the sandbox cuts a body that is too slow off instead of answering 408",
  InternalServerError: "the sandbox answers 500 only on a fault of its own, and then points to its log, which Lucca's API does not",
  ServiceUnavailable: "the sandbox has no maintenance",
};

describe("each problem example of the spec is the sandbox's answer to that case", () => {
  let harness: Harness;
  /** A 1,024-byte PNG, the file the examples speak of. */
  let png: any;
  beforeAll(async () => {
    harness = await startHarness({ rateLimitPerMinute: 1000 });
    png = await harness.upload(new Uint8Array(1024), "pic.png", "image/png");
  });
  afterAll(() => harness.close());

  const upload = async (headers: Record<string, string>, body?: string) =>
    fetch(`${harness.sandbox.url}${uploadPath}`, { method: "POST", headers, body });
  const retrieve = async (headers: Record<string, string>, href: string = png.links.self.href) => fetch(href, { headers: await authHeaders(harness, headers) });
  const bearer = async (scope?: string) => ({ Authorization: `Bearer ${await harness.accessToken(undefined, scope)}` });

  /** Per case: the request that makes the problem, and the values of this run that the example gives its own way. */
  const cases: [string, () => Promise<{ answer: Response | { status: number; json(): any }; ownValues?: [string, string][] }>][] = [
    ["BadRequest", async () => ({ answer: await upload(await bearer()) })],
    ["Unauthorized", async () => ({ answer: await upload({ [parameters.apiVersion.name]: currentApiVersion }) })],
    ["Forbidden", async () => ({ answer: await upload({ ...(await bearer(readOnlyScope)), [parameters.apiVersion.name]: currentApiVersion }) })],
    ["NotFound", async () => ({ answer: await retrieve({}, png.links.self.href.replace(png.id, spec.components.parameters.FileId.example)) })],
    ["NotAcceptable", async () => ({ answer: await retrieve({ Accept: "video/mp4" }) })],
    ["PreconditionFailed", async () => {
      // What a client does wrong most often: it sends back the (weak) ETag it was given.
      const etag = (await retrieve({})).headers.get(responseHeaders.eTag)!;
      return { answer: await retrieve({ [parameters.ifMatch.name]: etag }), ownValues: [[etag, spec.components.headers.ETag.example]] };
    }],
    ["ContentTooLarge", async () => ({
      // The declared body is never sent: the connection must not carry another request.
      answer: await rawRequest("uploadFile", `${harness.sandbox.url}${uploadPath}`, {
        method: "POST",
        headers: await authHeaders(harness, { "Content-Type": multipartContentType, "Content-Length": String(limits.maxRequestBodyBytes + 1), Connection: "close" }),
      }),
    })],
    ["UnsupportedMediaType", async () => ({ answer: await upload(await authHeaders(harness, { "Content-Type": "text/plain" }), "x") })],
    ["RangeNotSatisfiable", async () => ({ answer: await retrieve({ Accept: "application/octet-stream", [parameters.range.name]: "bytes=5000-" }) })],
    ["RequestHeaderFieldsTooLarge", async () => ({
      answer: await rawRequest(undefined, png.links.self.href, { headers: await authHeaders(harness, { "X-Padding": "x".repeat(limits.maxRequestHeaderBytes) }) }),
    })],
    ["TooManyRequests", async () => {
      // A sandbox of its own, at the spec's rate limit; the clock is held so that the last
      // request comes halfway through the minute that the first one opened.
      const limited = await startHarness();
      const start = Date.now();
      try {
        vi.setSystemTime(start);
        const headers = await authHeaders(limited);
        for (let request = 0; request < limits.rateLimitRequestsPerMinute; request++)
          await (await fetch(`${limited.sandbox.url}${uploadPath}`, { method: "POST", headers })).arrayBuffer();
        vi.setSystemTime(start + 30_000);
        const answer = await fetch(`${limited.sandbox.url}${uploadPath}`, { method: "POST", headers });
        const body = await answer.json();
        return { answer: { status: answer.status, json: () => body } };
      } finally {
        vi.useRealTimers();
        await limited.close();
      }
    }],
  ];

  it("covers every problem response of the spec, or says why the sandbox cannot answer it", () => {
    const covered = [...cases.map(([name]) => name), ...Object.keys(notProducedBySandbox)];
    expect(covered.sort()).toEqual(problemResponses.map(([name]) => name).sort());
  });

  it("a 413's status line names it as its title does, RFC 9110's Content Too Large (Node 20 says Payload Too Large)", async () => {
    const [, send] = cases.find(([name]) => name === "ContentTooLarge")!;
    const { answer } = await send();
    expect((answer as { statusMessage?: string }).statusMessage).toBe(exampleOf("ContentTooLarge").title);
  });

  it.each(cases)("%s", async (responseName, send) => {
    const example = exampleOf(responseName);
    const { answer, ownValues = [] } = await send();
    expect(answer.status).toBe(example.status);
    let text = JSON.stringify(sameInEveryOccurrence(await answer.json()));
    for (const [value, examples] of ownValues) text = text.replaceAll(JSON.stringify(value).slice(1, -1), JSON.stringify(examples).slice(1, -1));
    expect(JSON.parse(text)).toEqual(sameInEveryOccurrence(example));
  });
});
