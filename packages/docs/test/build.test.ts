import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReference, defaultSamplesDir, type BuiltReference } from "../src/build.ts";
import { sampleBaseName } from "../src/code-samples.ts";
import { operationsOf } from "../src/operations.ts";
import { carryOverVersions } from "../src/carry-over.ts";
import { mergeVersions, notFoundPage } from "../src/site-files.ts";
import { remoteAssets } from "../src/self-contain.ts";
import { serveFolder } from "../src/static-server.ts";
import { sharedSite } from "./support/built-site.ts";
import { parse as parseYaml } from "yaml";
import { currentApiVersion } from "@lucca-api/types";

let dir: string;
let built: BuiltReference;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "docs-build-"));
  built = await sharedSite();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("buildReference", () => {
  it("writes index.html with Redoc's scripts inlined, and every local file the page points at", async () => {
    const html = await readFile(built.indexFile, "utf8");
    expect(html).toContain("hydrate(__redoc_definition");
    const localFiles = [...html.matchAll(/(?:src|href)=["']?(assets\/[\w.-]+)/g)].map((match) => match[1]!);
    for (const { local } of remoteAssets) expect(html).toContain(local);
    for (const file of new Set([...localFiles, ...remoteAssets.map(({ local }) => local)]))
      expect((await stat(path.join(built.outDir, file))).isFile(), file).toBe(true);
  });

  it("writes the docs copy of the spec with each operation's samples, byte for byte from samples/", async () => {
    const docsSpec = JSON.parse(await readFile(built.specFile, "utf8"));
    for (const { operationId, operation } of operationsOf(docsSpec)) {
      const typescript = await readFile(path.join(defaultSamplesDir, `${sampleBaseName(operationId)}.ts`), "utf8");
      expect(operation["x-codeSamples"][0].source.trim()).toBe(typescript.trim());
    }
  });

  it("writes a site for any static host: the newest version at / and at /<version>/, both spec downloads, a 404 page, .nojekyll", async () => {
    expect(built.versionDir).toBe(path.join(built.outDir, currentApiVersion));
    // The YAML parsed once (yaml takes 0.1 s of CPU for it): the version's copies are the same bytes.
    const json = await readFile(path.join(built.outDir, "openapi.json"), "utf8");
    const yaml = await readFile(path.join(built.outDir, "openapi.yaml"), "utf8");
    expect(parseYaml(yaml)).toEqual(JSON.parse(json));
    expect(await readFile(path.join(built.versionDir, "openapi.json"), "utf8")).toBe(json);
    expect(await readFile(path.join(built.versionDir, "openapi.yaml"), "utf8")).toBe(yaml);
    for (const dir of [built.outDir, built.versionDir]) expect((await stat(path.join(dir, "assets"))).isDirectory(), dir).toBe(true);
    expect(await readFile(path.join(built.versionDir, "index.html"), "utf8")).toBe(await readFile(built.indexFile, "utf8"));
    expect(await readFile(path.join(built.outDir, ".nojekyll"), "utf8")).toBe("");
    const notFound = await readFile(path.join(built.outDir, "404.html"), "utf8");
    expect(notFound).toContain('<a href="/">');
    expect(notFound).not.toMatch(/<script|https?:\/\//);
    const manifest = JSON.parse(await readFile(path.join(built.outDir, "versions.json"), "utf8"));
    expect(manifest.latest).toBe(currentApiVersion);
    expect(manifest.versions).toEqual([{ version: currentApiVersion, files: expect.arrayContaining(["index.html", "openapi.json", "openapi.yaml", "assets/favicon.svg"]) }]);
  });

  it("keeps the older versions the live site holds when a new version is built: / serves the new one", async () => {
    // The next build, as buildReference would write it for a newer version (without rendering it again).
    const next = path.join(dir, "next");
    await cp(built.outDir, next, { recursive: true });
    await rm(path.join(next, currentApiVersion), { recursive: true });
    await cp(built.versionDir, path.join(next, "2030-01-01"), { recursive: true });
    const nextVersion = { version: "2030-01-01", files: ["index.html", "openapi.json", "openapi.yaml"] };
    await writeFile(path.join(next, "versions.json"), JSON.stringify(mergeVersions([], nextVersion)));

    const live = await serveFolder(built.outDir);
    try {
      expect(await carryOverVersions(next, `${live.url}/`)).toEqual([currentApiVersion]);
    } finally {
      await live.close();
    }
    const manifest = JSON.parse(await readFile(path.join(next, "versions.json"), "utf8"));
    expect(manifest.latest).toBe("2030-01-01");
    expect(manifest.versions.map(({ version }: { version: string }) => version)).toEqual(["2030-01-01", currentApiVersion]);
    const liveManifest = JSON.parse(await readFile(path.join(built.outDir, "versions.json"), "utf8"));
    // Buffer.equals: vitest's deep equality walks a 2.5 MB page byte by byte.
    for (const file of liveManifest.versions[0].files) {
      const [copied, original] = await Promise.all([readFile(path.join(next, currentApiVersion, file)), readFile(path.join(built.versionDir, file))]);
      expect(copied.equals(original), file).toBe(true);
    }
    await rm(next, { recursive: true, force: true });
  });

  it("links its 404 page to the site's base path, for a site served below the host's root", () => {
    expect(notFoundPage("Lucca API – files", "/lucca-api-files")).toContain('<a href="/lucca-api-files/">');
  });

  it("answers a missing path with the 404 page when served as any static host serves it", async () => {
    const site = await serveFolder(built.outDir);
    try {
      const response = await fetch(`${site.url}/1999-01-01/`);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(await readFile(path.join(built.outDir, "404.html"), "utf8"));
    } finally {
      await site.close();
    }
  });

  it("carries nothing over from a site not deployed yet, and refuses a live manifest that points outside its folders", async () => {
    const empty = await mkdtemp(path.join(dir, "empty-"));
    const hostile = await mkdtemp(path.join(dir, "hostile-"));
    await writeFile(path.join(hostile, "versions.json"), JSON.stringify({ latest: "2020-01-01", versions: [{ version: "2020-01-01", files: ["../../../etc/passwd"] }] }));
    const [emptySite, hostileSite] = await Promise.all([serveFolder(empty), serveFolder(hostile)]);
    try {
      expect(await carryOverVersions(built.outDir, emptySite.url)).toEqual([]);
      await expect(carryOverVersions(built.outDir, hostileSite.url)).rejects.toThrow("is not a path inside that folder");
    } finally {
      await Promise.all([emptySite.close(), hostileSite.close()]);
    }
  });

  it("leaves the previous site in place, and nothing half-written, when a build fails", async () => {
    const before = await readFile(built.indexFile, "utf8");
    const incomplete = path.join(dir, "incomplete-samples");
    await cp(defaultSamplesDir, incomplete, { recursive: true });
    await rm(path.join(incomplete, "upload-file.sh"));

    await expect(buildReference({ outDir: built.outDir, samplesDir: incomplete })).rejects.toThrow("has no curl sample");
    expect(await readFile(built.indexFile, "utf8")).toBe(before);
    // The build stages the site beside outDir.
    expect((await readdir(path.dirname(built.outDir))).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("removes its staging folder when Redocly fails, and says what failed", async () => {
    const emptySpec = path.join(dir, "no-info.json");
    const noSamples = path.join(dir, "no-samples");
    await writeFile(emptySpec, JSON.stringify({ openapi: "3.1.0", paths: {} }));
    await mkdir(noSamples);

    await expect(buildReference({ outDir: path.join(dir, "broken"), specFile: emptySpec, samplesDir: noSamples })).rejects.toThrow(
      "redocly build-docs failed",
    );
    expect((await readdir(dir)).filter((name) => name.includes("broken"))).toEqual([]);
  });

  it("names the command to run when the bundled spec is missing", async () => {
    await expect(buildReference({ outDir: path.join(dir, "other"), specFile: path.join(dir, "missing.json") })).rejects.toThrow(
      "run `npm run build` at the repository root first",
    );
  });
});
