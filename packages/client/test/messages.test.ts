/**
 * Every error class's message, as a person reads it: each sentence once (a server often
 * repeats its `detail` under `errors`), one full stop at each end (no "secret.. Check"),
 * the fix included. The API's errors come from the sandbox's real answers where it can
 * give them on demand; the rest from the answers a scripted server or the platform gives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiError } from "../src/core/create-api-error.ts";
import { readJson } from "../src/core/read-json.ts";
import * as client from "../src/index.ts";
import { problem } from "./helpers/fault-server.ts";
import { demoClient, startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let strictSandbox: TestSandbox;
let uploaded: client.FileObject;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  strictSandbox = await startTestSandbox({ maxBodyBytes: 1_000, rateLimitPerMinute: 1 });
  ({ file: uploaded } = await sandbox.client().uploadFile(new Blob(["hello"]), { fileName: "hello.txt" }));
});
afterAll(async () => {
  await sandbox?.close();
  await strictSandbox?.close();
});

const caught = async (promise: Promise<unknown>) => promise.then(() => expect.unreachable("it did not throw"), (error: unknown) => error as Error);
const answer = (status: number) =>
  Object.defineProperty(new Response(null, { status, headers: { "Content-Type": "application/problem+json" } }), "url", { value: "https://x.ilucca.net/lucca-api/files/1" });

/** One real way to meet each class, by its name. */
const producers: Record<string, () => Promise<Error>> = {
  InvalidInputError: () => caught(Promise.resolve().then(() => client.createLuccaFilesClient({ baseUrl: "ftp://x", auth: { accessToken: "t" } }))),
  BadRequestError: () => caught(sandbox.client().getFile(uploaded, { include: ["everything" as client.IncludeValue] })),
  AuthenticationError: () => caught(sandbox.client({ auth: { accessToken: "not-a-token" } }).getFile(uploaded)),
  PermissionDeniedError: () =>
    caught(sandbox.client({ auth: { clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl, scopes: ["files.readonly"] } }).uploadFile(new Blob(["x"]), { fileName: "x.txt" })),
  NotFoundError: () => caught(sandbox.client().getFile({ id: "00000000-0000-4000-8000-000000000000", token: "not-a-token" })),
  PreconditionFailedError: () => caught(sandbox.client().getFile(uploaded, { ifMatch: '"stale"' })),
  ContentTooLargeError: () => caught(strictSandbox.client({ maxUploadBytes: Number.MAX_SAFE_INTEGER }).uploadFile(new Blob([new Uint8Array(5_000)]), { fileName: "big.bin" })),
  RateLimitError: () => {
    const limited = strictSandbox.client({ retry: { maxRetries: 0 } });
    // One request a minute: the second is refused, whatever came before.
    return caught((async () => {
      for (let i = 0; i < 2; i++) await limited.uploadFile(new Blob(["x"]), { fileName: "x.txt" });
    })());
  },
  ServerError: async () => createApiError(answer(503), problem(503, "Service Unavailable", { detail: "The service is down for maintenance.", errors: { service: ["The service is down for maintenance."] } }), "GET"),
  ApiError: async () => createApiError(answer(406), problem(406, "Not Acceptable.", { detail: "Ask for application/json." }), "GET"),
  TokenError: () => caught(sandbox.client({ auth: { clientId: demoClient.clientId, clientSecret: "wrong-secret", tokenUrl: sandbox.tokenUrl } }).getFile(uploaded)),
  ConnectionError: () => caught(client.createLuccaFilesClient({ baseUrl: "http://127.0.0.1:9", auth: { accessToken: "t" }, retry: { maxRetries: 0 } }).getFile({ id: uploaded.id, token: "t" })),
  TimeoutError: async () => new client.TimeoutError("attempt", 10, "GET https://x.ilucca.net/lucca-api/files/1"),
  AbortError: () => caught(sandbox.client().getFile(uploaded, { signal: AbortSignal.abort() })),
  InvalidResponseError: async () => caught(Promise.resolve().then(() => readJson("<html>", new Response("<html>", { headers: { "Content-Type": "text/html" } }), "a File"))),
};

const sentencesOf = (message: string) => message.split(/(?<=[.!?])\s+/).map((sentence) => sentence.trim());

describe("each error message says each sentence once, with one full stop at each end", () => {
  const thrown = Object.keys(client).filter((name) => /Error$/.test(name) && !name.startsWith("is") && name !== "LuccaError");

  it("every class the client throws is covered here", () => {
    expect(Object.keys(producers).sort()).toEqual(thrown.sort());
  });

  it.each(thrown.map((name) => [name]))("%s", async (name) => {
    const error = await producers[name]!();
    expect(error.name).toBe(name);
    const message = error.message;
    expect(message, "a doubled full stop").not.toMatch(/\.\s*\./);
    expect(message, "a full stop before a colon").not.toMatch(/\.:/);
    const said = sentencesOf(message);
    expect(said.filter((sentence, index) => said.indexOf(sentence) !== index), "a sentence said twice").toEqual([]);
    const fragments = message.split(/[.:;]\s+/).filter((fragment) => fragment.length > 20);
    expect(fragments.filter((fragment, index) => fragments.indexOf(fragment) !== index), "words said twice").toEqual([]);
  });
});
