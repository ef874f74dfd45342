/**
 * What every published package carries, whatever its name: every `packages/*` that is not
 * private (the release rehearsal publishes the same list, scripts/release-rehearsal/),
 * checked on the tarball npm would publish: its files, and publint's and attw's verdicts
 * on it (the packages' own `lint` scripts ran them once a package, each packing it again).
 */
import { checkPackage, createPackageFromTarballData } from "@arethetypeswrong/core";
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, describe, expect, it } from "vitest";
import { publishablePackages } from "../release-rehearsal/workspace.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const rootManifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
const packages = publishablePackages(repoRoot);

interface Tarball {
  /** The files in it, as npm lists them. */
  files: string[];
  bytes: Uint8Array;
}

/**
 * Each package's tarball, by package name, as `npm publish` would send it: one npm for all
 * of them (`--workspace` each), where one a package cost some 0.4 s of CPU each.
 */
let packed: Promise<Map<string, Tarball>> | undefined;
const destination = mkdtemp(path.join(tmpdir(), "packed-"));
afterAll(async () => rm(await destination, { recursive: true, force: true }));
function tarballOf(name: string): Promise<Tarball> {
  packed ??= (async () => {
    const workspaces = packages.flatMap(({ dir }) => ["--workspace", path.relative(repoRoot, dir)]);
    const into = await destination;
    const { stdout } = await promisify(execFile)("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", into, ...workspaces], { cwd: repoRoot });
    const listed: { name: string; filename: string; files: { path: string }[] }[] = JSON.parse(stdout);
    return new Map(
      await Promise.all(
        listed.map(async ({ name, filename, files }) => [name, { files: files.map(({ path: file }) => file), bytes: new Uint8Array(await readFile(path.join(into, filename))) }] as const),
      ),
    );
  })();
  return packed.then((byName) => {
    const tarball = byName.get(name);
    if (!tarball) throw new Error(`npm pack made no tarball of ${name}`);
    return tarball;
  });
}
const packedFiles = async (name: string) => (await tarballOf(name)).files;

/**
 * attw's `esm-only` profile (what `attw --profile esm-only` ignores): the packages are
 * ES modules only, so `require` from CommonJS and Node 10's resolution are not theirs to serve.
 */
const NOT_SERVED = new Set(["node10", "node16-cjs"]);

it("types, client, sandbox and cli are published; docs, spec and scripts are not", () => {
  const names = packages.map(({ name }) => name);
  expect(names).toEqual(expect.arrayContaining(["@lucca-api/types", "@lucca-api/client", "@lucca-api/sandbox", "@lucca-api/cli"]));
  expect(names).not.toContain("@lucca-api/docs");
});

describe.each(packages)("$name", ({ name, dir }) => {
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const folder = path.relative(repoRoot, dir);

  it("has the repository's LICENSE, word for word", () => {
    expect(readFileSync(path.join(dir, "LICENSE"), "utf8")).toBe(readFileSync(path.join(repoRoot, "LICENSE"), "utf8"));
    expect(manifest.license).toBe(rootManifest.license);
  });

  it("has a README that opens with Install, says it is ESM-only and which TypeScript settings work", () => {
    const readme = readFileSync(path.join(dir, "README.md"), "utf8");
    expect(readme.startsWith(`# ${name}\n\n## Install\n`)).toBe(true);
    const start = readme.indexOf("## Install\n");
    const install = readme.slice(start, readme.indexOf("\n## ", start + 1));
    for (const fact of ["ESM-only", "nodenext", "bundler", "require", "20.19"]) expect(install, fact).toContain(fact);
  });

  it("has a README whose links work on npm: each absolute (a relative one resolves against the package page), each to the repository naming a file or folder that exists", () => {
    const prose = readFileSync(path.join(dir, "README.md"), "utf8").replace(/```[\s\S]*?```/g, "");
    const targets = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
    expect(targets.filter((target) => !/^(https?:|#)/.test(target))).toEqual([]);
    const repository = rootManifest.homepage.replace(/#readme$/, "");
    const missing = targets
      .filter((target) => target.startsWith(`${repository}/`))
      .map((target) => target.slice(repository.length).replace(/^\/(blob|tree)\/main\//, "").replace(/#.*$/, ""))
      .filter((file) => file !== "" && !existsSync(path.join(repoRoot, file)));
    expect(missing).toEqual([]);
  });

  it("points at the repository, its folder, the issues, and has keywords", () => {
    expect(manifest.repository).toEqual({ ...rootManifest.repository, directory: folder });
    expect(manifest.bugs).toEqual(rootManifest.bugs);
    expect(manifest.homepage).toMatch(new RegExp(`/tree/main/${folder}#readme$`));
    expect(manifest.keywords.length).toBeGreaterThan(2);
  });

  it("publishes publicly with provenance, for Node >= 20.19, as an ES module", () => {
    expect(manifest.publishConfig).toEqual({ access: "public", provenance: true });
    expect(manifest.engines.node).toBe(rootManifest.engines.node);
    expect(manifest.type).toBe("module");
  });

  it("packs its compiled files, README, LICENSE and manifest only: no sources, tests or source maps", async () => {
    const files = await packedFiles(name);
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
    // A command's bin may be a committed shim outside dist/ (npm links it at `npm ci`, before a build).
    const bins = Object.values<string>(manifest.bin ?? {}).map((bin) => bin.replace(/^\.\//, ""));
    const unexpected = files.filter((file) => ![...bins, "LICENSE", "README.md", "package.json", "openapi.json"].includes(file) && !/^dist\/.*\.(js|d\.ts)$/.test(file));
    expect(unexpected).toEqual([]);
    // What the exports map points at must be in the tarball, not only the absence of the rest.
    expect(files.filter((file) => file.startsWith("dist/")), "an empty dist/ would pack nothing to import").not.toEqual([]);
    // The first package's test waits for the one npm pack of all of them, on 2 busy cores.
  }, 120_000);

  it("passes publint --strict on its tarball: no error and no warning", async () => {
    const { messages, pkg } = await publint({ strict: true, pack: { tarball: (await tarballOf(name)).bytes.slice().buffer } });
    const found = messages.filter(({ type }) => type !== "suggestion").map((message) => `${message.type}: ${formatMessage(message, pkg)}`);
    expect(found).toEqual([]);
  }, 120_000);

  // A command's package exports no module (its package.json at most): no types to resolve.
  const exportsModules = Object.keys(manifest.exports ?? {}).some((subpath) => subpath !== "./package.json");
  it.skipIf(!exportsModules)("has types that resolve for every ES module resolution (attw, esm-only profile)", async () => {
    const analysis = await checkPackage(createPackageFromTarballData((await tarballOf(name)).bytes));
    expect(analysis.types, "attw found no types in the tarball").not.toBe(false);
    const problems = "problems" in analysis ? analysis.problems : [];
    const found = problems.filter((problem) => !("resolutionKind" in problem) || !NOT_SERVED.has(problem.resolutionKind));
    expect(found).toEqual([]);
  }, 120_000);
});
