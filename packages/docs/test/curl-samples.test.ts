/**
 * The curl samples shown on each operation are run, as they are, with bash against a real
 * sandbox. Skipped, and said so, where `curl` is not installed.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentTypes, currentApiVersion, parameters } from "@lucca-api/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defaultSamplesDir } from "../src/build.ts";
import { pictureBytes, pictureName, pictureType, sampleWorkDir } from "./support/fixtures.ts";
import { baseEnv, runProcess } from "./support/run-process.ts";
import { startSampleSandbox, type SampleSandbox } from "./support/sandbox.ts";

const curlInstalled = (await runProcess("curl", ["--version"], { cwd: defaultSamplesDir, env: baseEnv() })).code === 0;

describe("every curl sample", () => {
  it("sends the spec's current Api-Version", async () => {
    const scripts = (await readdir(defaultSamplesDir)).filter((name) => name.endsWith(".sh"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) {
      const source = await readFile(path.join(defaultSamplesDir, name), "utf8");
      const sent = [...source.matchAll(new RegExp(`${parameters.apiVersion.name}: ([^"'\\s]+)`, "g"))].map((match) => match[1]);
      expect(sent.length, `${name} sends no ${parameters.apiVersion.name}`).toBeGreaterThan(0);
      for (const version of sent) expect(version, name).toBe(currentApiVersion);
    }
  });
});

describe.skipIf(!curlInstalled)("the curl samples, run against the sandbox (skipped when curl is not on PATH)", () => {
  let api: SampleSandbox;
  const workDirs: string[] = [];

  async function runScript(script: string, env: Record<string, string>, withPicture: boolean) {
    const cwd = await sampleWorkDir(withPicture);
    workDirs.push(cwd);
    const result = await runProcess("bash", ["-e", script], { cwd, env: { ...baseEnv(), ...env } });
    return { ...result, cwd };
  }

  beforeAll(async () => {
    api = await startSampleSandbox();
  });
  afterEach(async () => {
    for (const dir of workDirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  afterAll(() => api?.close());

  it("upload-file.sh uploads pic.jpg with an image type the API accepts", async () => {
    const env = { LUCCA_BASE_URL: api.sandbox.url, ACCESS_TOKEN: await api.accessToken() };
    const run = await runScript(path.join(defaultSamplesDir, "upload-file.sh"), env, true);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const file = JSON.parse(run.stdout);
    expect(file.fileName).toBe(pictureName);
    expect(contentTypes).toContain(file.contentType);
    expect(file.contentType).toMatch(/^image\//);
  });

  it("upload-file.sh has to name the type: curl's own guess for .jpg, image/jpeg, is refused", async () => {
    const sample = await readFile(path.join(defaultSamplesDir, "upload-file.sh"), "utf8");
    const namedType = /;type=[^"']+/;
    expect(sample).toMatch(namedType);
    const cwd = await sampleWorkDir(true);
    workDirs.push(cwd);
    const guessing = path.join(cwd, "upload-guessing-the-type.sh");
    await writeFile(guessing, sample.replace(namedType, ""));

    const run = await runScript(guessing, { LUCCA_BASE_URL: api.sandbox.url, ACCESS_TOKEN: await api.accessToken() }, true);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain("image/jpeg");
  });

  it("retrieve-file.sh prints the JSON representation and saves the content under the file's name", async () => {
    const uploaded = await api.upload(pictureBytes, pictureName, pictureType);
    const env = { FILE_HREF: uploaded.links.self.href, ACCESS_TOKEN: await api.accessToken() };
    const run = await runScript(path.join(defaultSamplesDir, "retrieve-file.sh"), env, false);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: uploaded.id, fileName: pictureName });
    expect(new Uint8Array(await readFile(path.join(run.cwd, pictureName)))).toEqual(pictureBytes);
  });

  it("retrieve-file-headers.sh prints GET's status and headers, with no body", async () => {
    const uploaded = await api.upload(pictureBytes, pictureName, pictureType);
    const env = { FILE_HREF: uploaded.links.self.href, ACCESS_TOKEN: await api.accessToken() };
    const run = await runScript(path.join(defaultSamplesDir, "retrieve-file-headers.sh"), env, false);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [statusLine, ...rest] = run.stdout.trimEnd().split(/\r?\n/);
    expect(statusLine).toMatch(/^HTTP\/1\.1 200/);
    expect(rest.some((line) => /^etag: W\/".+"$/i.test(line))).toBe(true);
    expect(rest.some((line) => line.trim().startsWith("{"))).toBe(false);
  });
});
