/**
 * The sandbox behind Prism's validating proxy: the root README's curl session, as
 * written, passes with no violation, also with a later `Api-Version` date (the spec used
 * to list only the exact versions, so Prism refused `2025-03-15`); an upload part of a
 * type the spec's `encoding.form.contentType` does not list is a request violation, and
 * HEAD passes (both with this repository's patch of Prism: patches/README.md).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createRequire } from "node:module";
import { currentApiVersion, eTagHeader, endpoints } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filePart } from "./support/multipart.ts";
import { startPrismProxy, type PrismProxy } from "./support/prism.ts";
import { uploadViolations } from "./support/prism-validator.ts";
import { apiVersionHeader, startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

const run = promisify(execFile);
const bundledSpec = createRequire(import.meta.url)("@lucca-api/spec/openapi.json");
const [uploadMediaType] = endpoints.uploadFile.requestMediaTypes;
/** The upload part's Encoding Object in a copy of the bundled spec. */
const filePartEncoding = (spec: any): { contentType: string } =>
  spec.paths[uploadPath][endpoints.uploadFile.method.toLowerCase()].requestBody.content[uploadMediaType].encoding[filePart];
/** The spec's list of the upload part's media types, as written: what Prism must enforce. */
const acceptedPartTypes = filePartEncoding(bundledSpec).contentType;
/** A type the spec leaves out on purpose (JPEG pictures go as `image/jpg`: spec/paths/files.yaml). */
const refusedPartType = "image/jpeg";

/** A one-part upload body: the file part, of `type`. */
function uploadForm(type: string): FormData {
  const form = new FormData();
  form.set(filePart, new Blob(["x"], { type }), "portrait.jpg");
  return form;
}

/** The spec with another list of media types for the upload part. */
function specWithPartTypes(contentType: string): object {
  const copy = structuredClone(bundledSpec);
  filePartEncoding(copy).contentType = contentType;
  return copy;
}

/** Prism's message for a part whose type the list leaves out (patches/@stoplight+prism-http+5.12.0.patch). */
const partTypeViolation = (type: string, list: string) =>
  `Part '${filePart}' has the media type '${type}', which its encoding's contentType does not accept: ${list.split(",").map((range) => range.trim()).join(", ")}`;

const readmeUrl = new URL("../../../README.md", import.meta.url);
/** The host the README's session talks to (`npm start`). */
const readmeOrigin = "http://127.0.0.1:4010";
/** The README's origin (not followed by another digit), with the token endpoint's path when it has it. */
const readmeOriginPattern = new RegExp(`${readmeOrigin.replaceAll(".", "\\.")}(?!\\d)(/connect/token)?`, "g");

let harness: Harness;
let prism: PrismProxy;
beforeAll(async () => {
  harness = await startHarness({ rateLimitPerMinute: 10_000 });
  prism = await startPrismProxy(harness.sandbox.url);
  // Loading Prism (about 90 MB of JavaScript) and compiling the spec's validators is
  // CPU-bound: 60 s ran out at load averages 25-32 on 2 cores. This bound only ends a
  // start that hangs.
}, 240_000);
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
    // One pass: replacing the token URL first and then every README origin also rewrote
    // the sandbox's own URL whenever its random port began with 4010 (40101 → Prism's + "1").
    .map((line) => line.replace(readmeOriginPattern, (_url, tokenPath = "") => (tokenPath ? harness.sandbox.url + tokenPath : prism.url)))
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
    const response = await fetch(`${prism.url}${uploadPath}`, {
      method: endpoints.uploadFile.method,
      headers: { Authorization: `Bearer ${await harness.accessToken()}`, [apiVersionHeader]: "latest" },
      body: uploadForm("text/plain"),
    });
    expect(response.status).toBe(422);
    const { validation } = (await response.json()) as { validation: { location: string[] }[] };
    expect(validation.map((entry) => entry.location.join(".").toLowerCase())).toContain(`header.${apiVersionHeader.toLowerCase()}`);
  });

  it("answers HEAD on the file URL as the sandbox does, with 0 violations (patched: published Prism answers 500)", async () => {
    const uploaded = await harness.upload(new TextEncoder().encode("x"), "x.txt", "text/plain");
    const { pathname, search } = new URL(uploaded.links.self.href);
    const init = {
      method: endpoints.retrieveFileHeaders.method,
      headers: { Authorization: `Bearer ${await harness.accessToken()}`, [apiVersionHeader]: currentApiVersion },
    };
    const direct = await fetch(`${harness.sandbox.url}${pathname}${search}`, init);
    const mark = prism.output().length;
    const proxied = await fetch(`${prism.url}${pathname}${search}`, init);
    expect(direct.status).toBe(200);
    expect({ status: proxied.status, etag: proxied.headers.get(eTagHeader) }).toEqual({ status: direct.status, etag: direct.headers.get(eTagHeader) });
    expect(violationsSince(mark)).toEqual([]);
  });

  it("refuses an image/jpeg upload part as a request violation naming the part, its type and the spec's list", async () => {
    expect(acceptedPartTypes.split(",").map((range) => range.trim())).not.toContain(refusedPartType);
    const response = await fetch(`${prism.url}${uploadPath}`, {
      method: endpoints.uploadFile.method,
      headers: { Authorization: `Bearer ${await harness.accessToken()}`, [apiVersionHeader]: currentApiVersion },
      body: uploadForm(refusedPartType),
    });
    expect(response.status).toBe(422);
    const { validation } = (await response.json()) as { validation: { location: string[]; message: string }[] };
    expect(validation.map(({ location, message }) => ({ location: location.join("."), message }))).toEqual([
      { location: `body.${filePart}`, message: partTypeViolation(refusedPartType, acceptedPartTypes) },
    ]);
  });
});

describe("Prism's request validator takes the upload part's accepted types from the spec", () => {
  it.each<[string, { contentType?: string; partType: string; refused: boolean }]>([
    ["the spec's own list refuses image/jpeg", { partType: refusedPartType, refused: true }],
    ["the spec's own list accepts image/jpg", { partType: "image/jpg", refused: false }],
    ["a spec copy listing */* accepts image/jpeg", { contentType: "*/*", partType: refusedPartType, refused: false }],
    ["a spec copy listing image/* (a media range) accepts image/jpeg", { contentType: "image/*", partType: refusedPartType, refused: false }],
    ["a spec copy listing image/* refuses text/plain", { contentType: "image/*", partType: "text/plain", refused: true }],
    ["a list matches whatever its spacing and case, and a part type's parameters", { contentType: " text/plain ,IMAGE/JPEG", partType: "image/jpeg; q=1", refused: false }],
  ])("%s", async (_name, { contentType, partType, refused }) => {
    const spec = contentType === undefined ? bundledSpec : specWithPartTypes(contentType);
    const violations = await uploadViolations(spec, uploadForm(partType));
    expect(violations.map(({ path, message }) => ({ path: path?.join("."), message }))).toEqual(
      refused ? [{ path: `body.${filePart}`, message: partTypeViolation(partType, contentType ?? acceptedPartTypes) }] : [],
    );
  });
});
