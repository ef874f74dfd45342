import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readlink, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authHeaders, startHarness, type Harness } from "./support/sandbox.ts";
import { eventually } from "./support/eventually.ts";

/** Files of this process's open descriptors whose path contains `fragment` (Linux /proc). */
async function openFilesContaining(fragment: string): Promise<string[]> {
  const found: string[] = [];
  for (const fd of await readdir("/proc/self/fd")) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => "");
    if (target.includes(fragment)) found.push(target);
  }
  return found;
}

/** GETs `url` and hangs up on the first bytes of the body. */
function abandon(url: string, headers: Record<string, string> = {}): Promise<void> {
  return new Promise<void>((done, fail) => {
    const call = request(url, { headers }, (response) => {
      response.once("data", () => {
        call.destroy();
        done();
      });
    });
    call.on("error", (error) => (call.destroyed ? undefined : fail(error)));
    call.end();
  });
}

// Far more than the socket buffers hold, so the server is still reading when the client leaves.
const bigBytes = 8 * 1024 * 1024;

describe.skipIf(process.platform !== "linux")("a download the client abandons", () => {
  let harness: Harness;
  let docsDir: string;
  beforeAll(async () => {
    docsDir = await mkdtemp(join(tmpdir(), "lucca-sandbox-docs-"));
    await writeFile(join(docsDir, "big-reference-image.png"), randomBytes(bigBytes));
    harness = await startHarness({ rateLimitPerMinute: 1000, docsDir });
  });
  afterAll(async () => {
    await harness.close();
    await rm(docsDir, { recursive: true, force: true });
  });

  it("of a docs file closes the file it was reading", async () => {
    await abandon(`${harness.sandbox.url}/big-reference-image.png`);
    expect(await eventually(() => openFilesContaining("big-reference-image.png"), (open) => open.length === 0)).toEqual([]);
  });

  it("of a file's content closes the file it was reading (no descriptor left open)", async () => {
    const file = await harness.upload(randomBytes(bigBytes));
    await abandon(file.links.self.href, await authHeaders(harness, { Accept: "application/octet-stream" }));
    expect(await eventually(() => openFilesContaining(`${file.id}.bin`), (open) => open.length === 0)).toEqual([]);
  });
});
