import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filePart, multipartBody, multipartContentType } from "./support/multipart.ts";
import { authHeaders, startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

const maxBodyBytes = 200;

describe("a body that crosses the limit in the chunk that starts the file part", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ maxBodyBytes, rateLimitPerMinute: 1000 });
  });
  afterAll(() => harness.close());

  it("gets 413 and leaves no temporary file, even though the parser saw the part", async () => {
    // One chunk, no Content-Length: the whole part (headers, content, closing boundary)
    // arrives in the chunk that crosses the limit.
    const body = multipartBody([{ name: filePart, filename: "a.txt", contentType: "text/plain", content: "x".repeat(2 * maxBodyBytes) }]);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body);
        controller.close();
      },
    });
    const { response } = await harness.call("uploadFile", uploadPath, {
      method: "POST",
      headers: await authHeaders(harness, { "Content-Type": multipartContentType }),
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    // A part the parser would still have started writes its temporary file a moment later.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readdir(join(harness.dataDir, "tmp"))).toEqual([]);
    expect(await readdir(join(harness.dataDir, "files"))).toEqual([]);
  });
});
