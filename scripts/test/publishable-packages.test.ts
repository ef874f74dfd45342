/**
 * What every published package carries, whatever its name: every `packages/*` that is not
 * private (the release rehearsal publishes the same list, scripts/release-rehearsal/).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { publishablePackages } from "../release-rehearsal/workspace.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const rootManifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
const packages = publishablePackages(repoRoot);

/**
 * The files `npm pack` puts in each package's tarball, by package name: one npm for all of
 * them (`--workspace` each), where one a package cost some 0.4 s of CPU each.
 */
let packed: Promise<Map<string, string[]>> | undefined;
function packedFiles(name: string): Promise<string[]> {
  packed ??= (async () => {
    const workspaces = packages.flatMap(({ dir }) => ["--workspace", path.relative(repoRoot, dir)]);
    const { stdout } = await promisify(execFile)("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", ...workspaces], { cwd: repoRoot });
    const tarballs: { name: string; files: { path: string }[] }[] = JSON.parse(stdout);
    return new Map(tarballs.map((tarball) => [tarball.name, tarball.files.map(({ path: file }) => file)]));
  })();
  return packed.then((byName) => byName.get(name) ?? []);
}

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
});
