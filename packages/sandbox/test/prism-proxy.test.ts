/**
 * The sandbox behind Prism's validating proxy: the root README's curl session, as
 * written, passes with no violation, also with a later `Api-Version` date (the spec used
 * to list only the exact versions, so Prism refused `2025-03-15`).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { currentApiVersion } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrismProxy, type PrismProxy } from "./support/prism.ts";
import { startHarness, type Harness } from "./support/sandbox.ts";

const run = promisify(execFile);
const readmeUrl = new URL("../../../README.md", import.meta.url);
/** The host the README's session talks to (`npm start`). */
const readmeOrigin = "http://127.0.0.1:4010";

let harness: Harness;
let prism: PrismProxy;
beforeAll(async () => {
  harness = await startHarness({ rateLimitPerMinute: 10_000 });
  prism = await startPrismProxy(harness.sandbox.url);
}, 60_000);
afterAll(async () => {
  await prism?.close();
  await harness?.close();
});

/** The README's session, as a script: the `$ ` lines of its console block. */
async function readmeSession(): Promise<string[]> {
  const readme = await readFile(readmeUrl, "utf8");
  const block = /```console\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error("README.md has no console session");
  return block.split("\n").filter((line) => line.startsWith("$ ")).map((line) => line.slice(2));
}

/**
 * Runs the session with the API calls through Prism. The token endpoint is the sandbox's
 * own (not part of the spec), and the link the upload hands out names the sandbox, so it
 * is pointed back at Prism.
 */
async function runThroughPrism(lines: string[]): Promise<string> {
  const script = lines
    .map((line) => line.replace(`${readmeOrigin}/connect/token`, `${harness.sandbox.url}/connect/token`).replaceAll(readmeOrigin, prism.url))
    .flatMap((line) => (line.startsWith("HREF=") ? [line, `HREF="${prism.url}\${HREF#${harness.sandbox.url}}"`] : [line]));
  const dir = await mkdtemp(join(tmpdir(), "prism-session-"));
  try {
    const { stdout } = await run("bash", ["-euo", "pipefail", "-c", script.join("\n")], { cwd: dir });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The violations Prism logged after `mark` (a length of its output). */
const violationsSince = (mark: number) =>
  prism
    .output()
    .slice(mark)
    .split("\n")
    .filter((line) => line.includes("Violation:"));

describe("Prism's validating proxy in front of the sandbox", () => {
  it("passes the README's curl session with 0 violations", async () => {
    const lines = await readmeSession();
    expect(lines.some((line) => line.includes("/lucca-api/files"))).toBe(true);
    const mark = prism.output().length;
    const stdout = await runThroughPrism(lines);
    expect(stdout.trimEnd()).toMatch(/identical$/);
    expect(violationsSince(mark)).toEqual([]);
  });

  it("passes the same session with Api-Version 2025-03-15 (a later date) with 0 violations", async () => {
    const lines = (await readmeSession()).map((line) => line.replaceAll(`Api-Version: ${currentApiVersion}`, "Api-Version: 2025-03-15"));
    expect(lines.some((line) => line.includes("Api-Version: 2025-03-15"))).toBe(true);
    const mark = prism.output().length;
    const stdout = await runThroughPrism(lines);
    expect(stdout.trimEnd()).toMatch(/identical$/);
    expect(violationsSince(mark)).toEqual([]);
  });

  // With --errors, Prism answers a request violation 422 and a response violation 500
  // (the session's next step then fails); lesser violations it logs as "Violation:".
  it("refuses an Api-Version that is no date as a request violation (so the tests above can fail)", async () => {
    const form = new FormData();
    form.set("form", new Blob(["x"], { type: "text/plain" }), "x.txt");
    const response = await fetch(`${prism.url}/lucca-api/files`, {
      method: "POST",
      headers: { Authorization: `Bearer ${await harness.accessToken()}`, "Api-Version": "latest" },
      body: form,
    });
    expect(response.status).toBe(422);
    const { validation } = (await response.json()) as { validation: { location: string[] }[] };
    expect(validation.map((entry) => entry.location.join(".").toLowerCase())).toContain("header.api-version");
  });
});
