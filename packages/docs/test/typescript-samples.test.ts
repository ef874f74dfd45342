/**
 * The TypeScript samples shown on each operation are run, as they are, against a real
 * sandbox, in a fresh folder, with the demo client's credentials in the environment
 * variables the samples document. Each runs as `npx tsx samples/<operation>.ts` runs it:
 * its types stripped by esbuild (tsx's transform, with tsx's target: the running Node),
 * then plain `node`. The transform is done once here, not by tsx's loader in each process:
 * the loader's start is about 0.2 s of CPU a run, the run itself a little more.
 */
import { access, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentTypes, oauth2 } from "@lucca-api/types";
import { transform } from "esbuild";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRenamingProxy } from "@lucca-api/scripts/renaming-proxy";
import { defaultSamplesDir, packageDir } from "../src/build.ts";
import { pictureBytes, pictureName, pictureType, sampleWorkDir } from "./support/fixtures.ts";
import { baseEnv, runProcess } from "./support/run-process.ts";
import { startSampleSandbox, type SampleSandbox } from "./support/sandbox.ts";

// Inside the package, so that the samples' `@lucca-api/client` resolves, through the
// workspace link, to its build, as it does from samples/.
const compiledDir = path.join(packageDir, "node_modules/.cache", `typescript-samples-${process.pid}`);

let api: SampleSandbox;
const workDirs: string[] = [];

const compiled = new Map<string, Promise<string>>();

/** samples/<fileName> as tsx would run it: its JavaScript, in a module of its own, compiled once. */
function compiledSample(fileName: string): Promise<string> {
  let module = compiled.get(fileName);
  if (!module) {
    module = (async () => {
      const sample = path.join(defaultSamplesDir, fileName);
      const { code } = await transform(await readFile(sample, "utf8"), { loader: "ts", format: "esm", target: `node${process.versions.node}`, sourcefile: sample });
      const file = path.join(compiledDir, fileName.replace(/\.ts$/, ".mjs"));
      await writeFile(file, code);
      return file;
    })();
    compiled.set(fileName, module);
  }
  return module;
}

async function runSample(fileName: string, args: string[], withPicture: boolean, env: Record<string, string | undefined> = { ...baseEnv(), ...api.clientEnv }) {
  const cwd = await sampleWorkDir(withPicture);
  workDirs.push(cwd);
  const result = await runProcess(process.execPath, [await compiledSample(fileName), ...args], { cwd, env });
  return { ...result, cwd };
}

beforeAll(async () => {
  await mkdir(compiledDir, { recursive: true });
  api = await startSampleSandbox();
});
afterEach(async () => {
  for (const dir of workDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await api?.close();
  await rm(compiledDir, { recursive: true, force: true });
});

describe("samples/upload-file.ts", () => {
  it("uploads pic.jpg with an image type the API accepts and prints a link that reads the file back", async () => {
    const run = await runSample("upload-file.ts", [], true);
    expect(run.code, run.stderr).toBe(0);

    const href = run.stdout.trim().split("\n").at(-1)!;
    expect(href.startsWith(api.sandbox.url)).toBe(true);
    const read = await api.read(href);
    expect(read.status).toBe(200);
    const file = await read.json();
    expect(file.fileName).toBe(pictureName);
    // The client chose the type from ".jpg": one the API accepts, so not image/jpeg.
    expect(contentTypes).toContain(file.contentType);
    expect(file.contentType).toMatch(/^image\//);
  });

  it("fails, naming the variables to set, when the credentials are missing", async () => {
    const run = await runSample("upload-file.ts", [], true, baseEnv());
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("LUCCA_CLIENT_SECRET");
  });
});

describe("samples/retrieve-file-headers.ts", () => {
  it("gets the file's status and ETag without its body, then 304 for the same ETag", async () => {
    const uploaded = await api.upload(pictureBytes, pictureName, pictureType);
    const run = await runSample("retrieve-file-headers.ts", [uploaded.links.self.href], false);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^200: ETag W\/".+"$/m);
    expect(run.stdout).toContain("your copy is current");
  });
});

describe("samples/retrieve-file.ts", () => {
  it("reads the file, is told it is unchanged on revalidation, and saves the same bytes under its name", async () => {
    const uploaded = await api.upload(pictureBytes, pictureName, pictureType);
    const run = await runSample("retrieve-file.ts", [uploaded.links.self.href], false);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${pictureName}: ${uploaded.contentType}`);
    expect(run.stdout).toContain("unchanged since the first read");
    expect(new Uint8Array(await readFile(path.join(run.cwd, pictureName)))).toEqual(pictureBytes);
  });

  it("saves under the base name of the server's file name, never where a '../' in it points", async () => {
    const uploaded = await api.upload(pictureBytes, pictureName, pictureType);
    // A real server between the sample and the sandbox that names the content "../escaped.jpg".
    const hostile = await startRenamingProxy(api.sandbox.url, "../escaped.jpg");
    const origin = hostile.url;
    try {
      const run = await runSample("retrieve-file.ts", [uploaded.links.self.href.replace(api.sandbox.url, origin)], false, {
        ...baseEnv(),
        ...api.clientEnv,
        LUCCA_BASE_URL: origin,
        LUCCA_TOKEN_URL: new URL(new URL(oauth2.tokenUrl).pathname, origin).href,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(await readdir(run.cwd)).toEqual(["escaped.jpg"]);
      await expect(access(path.join(run.cwd, "..", "escaped.jpg"))).rejects.toThrow();
    } finally {
      await hostile.close();
    }
  });

  // The name is the uploader's choice: a file named like one of the reader's (pic.jpg in
  // the folder it was uploaded from, or package.json, .npmrc) would be replaced.
  it("never replaces a file of its folder that has the server's file name, and says so", async () => {
    const uploaded = await api.upload(new TextEncoder().encode("the uploader's bytes"), pictureName, pictureType);
    const run = await runSample("retrieve-file.ts", [uploaded.links.self.href], true);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`${pictureName} is already here`);
    expect(new Uint8Array(await readFile(path.join(run.cwd, pictureName)))).toEqual(pictureBytes);
  });
});
