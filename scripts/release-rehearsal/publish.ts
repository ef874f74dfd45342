/**
 * The release as release.yml runs it, from a temporary clone of the current commit:
 * `npm ci`, `npm run release:version` (changeset version), `npm run release:publish`
 * (build, changeset publish) — to the rehearsal's registry instead of npmjs.com.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Registry } from "./registry.ts";
import { log, run } from "./run.ts";
import { publishablePackages, type PublishablePackage } from "./workspace.ts";

/** Clones the repository's current commit (committed work only) into `clone`. */
export async function cloneCurrentCommit(repoRoot: string, clone: string): Promise<void> {
  const commit = (await run("git", ["rev-parse", "HEAD"], { cwd: repoRoot, echo: false })).trim();
  const dirty = (await run("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: repoRoot, echo: false })).trim();
  if (dirty) log("note: the working tree has uncommitted changes; the rehearsal releases the last commit only");
  await run("git", ["clone", "--quiet", "--no-checkout", repoRoot, clone], { cwd: repoRoot });
  await run("git", ["checkout", "--quiet", "--detach", commit], { cwd: clone });
  log(`cloned ${commit.slice(0, 12)} into ${clone}`);
}

/**
 * Provenance needs the OIDC token GitHub Actions gives release.yml; nowhere else can
 * sign it, and npm lets `publishConfig` win over any setting. The clone's manifests
 * (and only them) turn it off.
 */
async function withoutProvenance(packages: PublishablePackage[]): Promise<void> {
  for (const { dir } of packages) {
    const file = path.join(dir, "package.json");
    const manifest = JSON.parse(await readFile(file, "utf8"));
    if (manifest.publishConfig?.provenance !== true) throw new Error(`${manifest.name} has no publishConfig.provenance: true; release.yml relies on it`);
    manifest.publishConfig.provenance = false;
    await writeFile(file, JSON.stringify(manifest, null, 2) + "\n");
  }
}

/** Versions, builds and publishes every publishable package of `clone` to `registry`; returns what it published. */
export async function versionAndPublish(clone: string, registry: Registry): Promise<PublishablePackage[]> {
  await run("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: clone });

  const before = publishablePackages(clone);
  await run("npm", ["run", "release:version"], { cwd: clone });
  const packages = publishablePackages(clone);
  for (const { name, version } of packages)
    log(`version: ${name} ${before.find((old) => old.name === name)?.version ?? "(new)"} → ${version}`);

  await withoutProvenance(packages);
  const host = new URL(registry.url).host;
  const userconfig = path.join(path.dirname(clone), "publish.npmrc");
  await writeFile(userconfig, `registry=${registry.url}\n//${host}/:_authToken=${registry.token}\n`, { mode: 0o600 });
  await run("npm", ["run", "release:publish"], {
    cwd: clone,
    env: { NPM_CONFIG_USERCONFIG: userconfig, npm_config_registry: registry.url },
  });

  for (const { name, version } of packages) {
    const response = await fetch(new URL(name.replace("/", "%2f"), registry.url));
    const document = (await response.json().catch(() => ({}))) as { "dist-tags"?: { latest?: string } };
    const latest = document["dist-tags"]?.latest;
    if (latest !== version) throw new Error(`${name}@${version} is not on the registry (its latest: ${latest ?? "none"})`);
    log(`published ${name}@${version} to ${registry.url}`);
  }
  return packages;
}
