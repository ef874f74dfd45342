/**
 * `onProgress` moves in steady steps for every source a Node program can upload, and
 * reports the end (`loaded === total`) exactly once, after the API answered.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadProgress, UploadSource } from "../src/index.ts";
import { maxStep } from "../src/upload/multipart-body.ts";
import { fastClient } from "./helpers/clients.ts";
import { fileBody, json, startFaultServer, type FaultServer } from "./helpers/fault-server.ts";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

const size = 3 * 1024 * 1024;
const content = new Uint8Array(size).map((_, i) => i % 251);
let sandbox: TestSandbox;
let folder: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  folder = await mkdtemp(join(tmpdir(), "lucca-progress-"));
  await writeFile(join(folder, "data.bin"), content);
});
afterAll(async () => {
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Each source as one big chunk where it can be: the client must cut it into steps. */
const sources: [string, () => UploadSource, { size?: number }][] = [
  ["a Blob", () => new Blob([content]), {}],
  ["a Uint8Array", () => content, {}],
  ["an ArrayBuffer", () => content.slice().buffer, {}],
  ["a path", () => ({ path: join(folder, "data.bin") }), {}],
  ["a web ReadableStream of one chunk, size given", () => new ReadableStream({ start: (c) => (c.enqueue(content), c.close()) }), { size }],
  ["a web ReadableStream of one chunk, size unknown", () => new ReadableStream({ start: (c) => (c.enqueue(content), c.close()) }), {}],
  ["a Node readable", () => Readable.from([content.subarray(0, size / 2), content.subarray(size / 2)]), {}],
];

/** What a progress bar needs: never backwards, no jump over a step, the end once and last. */
function expectSteadyToTheEnd(events: UploadProgress[]) {
  const loaded = events.map((event) => event.loaded);
  expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  const steps = loaded.map((value, index) => value - (loaded[index - 1] ?? 0));
  expect(Math.max(...steps)).toBeLessThanOrEqual(maxStep);
  expect(events.filter((event) => event.loaded === event.total)).toHaveLength(1);
  expect(events.at(-1)).toEqual({ loaded: size, total: size });
}

describe("onProgress moves in steady steps and ends exactly once", () => {
  it.each(sources)("%s", async (_name, source, options) => {
    const events: UploadProgress[] = [];
    await sandbox.client().uploadFile(source(), { fileName: "data.bin", ...options, onProgress: (event) => events.push(event) });
    expect(events.length).toBeGreaterThanOrEqual(size / maxStep);
    expectSteadyToTheEnd(events);
  });

  describe("across a retry", () => {
    let server: FaultServer;
    beforeAll(async () => {
      // The first attempt's body is read to its end, then refused with a retryable status.
      server = await startFaultServer((request, response, index) => (index === 0 ? json(response, 503, { title: "Unavailable", status: 503 }) : json(response, 201, fileBody(server.url))));
    });
    afterAll(() => server?.close());

    it("the end is reported once, after the attempt that the API accepted", async () => {
      const events: UploadProgress[] = [];
      await fastClient(server.url).uploadFile(content, { fileName: "data.bin", onProgress: (event) => events.push(event) });
      expect(server.requests.map((request) => request.bodyBytes > size)).toEqual([true, true]);
      expect(events.filter((event) => event.loaded === event.total)).toEqual([{ loaded: size, total: size }]);
      expect(events.at(-1)).toEqual({ loaded: size, total: size });
    });
  });
});
