/**
 * Keeps older versions' references online across deployments. A GitHub Pages deployment
 * replaces the whole site, and a build only renders the spec's current version; so before
 * deploying, docs.yml fetches the live site's `versions.json` and copies every other
 * version's folder from the live site into the new one, then lists them all.
 *
 * What the live site says is data: version names must be dates and file paths must stay
 * inside their folder, or the carry-over fails rather than write elsewhere.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { apiVersionPattern } from "@lucca-api/types";
import { versionsFileName } from "./build.ts";
import { mergeVersions, type VersionEntry, type VersionsManifest } from "./site-files.ts";

const versionPattern = new RegExp(apiVersionPattern);

function checkedEntry(entry: VersionEntry, source: string): VersionEntry {
  if (!versionPattern.test(entry?.version ?? ""))
    throw new Error(`${source} lists a version named ${JSON.stringify(entry?.version)}; versions are dates (YYYY-MM-DD)`);
  for (const file of entry.files ?? [])
    if (typeof file !== "string" || file.startsWith("/") || file.split("/").some((part) => part === ".." || part === "" || part === "."))
      throw new Error(`${source} lists ${JSON.stringify(file)} in ${entry.version}/, which is not a path inside that folder`);
  return { version: entry.version, files: entry.files ?? [] };
}

/**
 * Copies into `siteDir` (a fresh build) every version the site at `liveUrl` holds but the
 * build does not; returns the versions carried over. A site that does not exist yet (404)
 * carries nothing; any other failure throws, so a deployment never drops a version.
 */
export async function carryOverVersions(siteDir: string, liveUrl: string, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  const base = liveUrl.endsWith("/") ? liveUrl : `${liveUrl}/`;
  const manifestUrl = new URL(versionsFileName, base);
  const response = await fetchImpl(manifestUrl);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`GET ${manifestUrl} answered ${response.status}: cannot tell which versions the live site holds`);
  const live = (await response.json()) as VersionsManifest;
  const local = JSON.parse(await readFile(path.join(siteDir, versionsFileName), "utf8")) as VersionsManifest;
  const built = local.versions.find(({ version }) => version === local.latest)!;

  const carried: VersionEntry[] = [];
  for (const raw of live.versions ?? []) {
    const entry = checkedEntry(raw, manifestUrl.href);
    if (entry.version === built.version) continue;
    for (const file of entry.files) {
      const url = new URL(`${entry.version}/${file}`, base);
      const answer = await fetchImpl(url);
      if (!answer.ok) throw new Error(`GET ${url} answered ${answer.status}: the ${entry.version} reference cannot be carried over`);
      const target = path.join(siteDir, entry.version, ...file.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, Buffer.from(await answer.arrayBuffer()));
    }
    carried.push(entry);
  }
  const merged = mergeVersions(carried, built);
  await writeFile(path.join(siteDir, versionsFileName), JSON.stringify(merged, null, 2) + "\n");
  return carried.map(({ version }) => version);
}
