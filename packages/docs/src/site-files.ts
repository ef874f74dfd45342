/**
 * The files that make the built reference a site any static host serves as it is: the
 * spec as YAML beside the JSON, a 404 page, `.nojekyll` (GitHub Pages must not run Jekyll
 * over it), and `versions.json`, the list of API versions the site holds.
 */
import { stringify } from "yaml";

/** The YAML download, the same document as the JSON one. */
export function specAsYaml(document: unknown): string {
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The page a static host answers for a path it does not have. GitHub Pages serves it at
 * the missing path itself, so its link is absolute, from the site's base path.
 */
export function notFoundPage(title: string, basePath: string): string {
  const home = escapeHtml(basePath.endsWith("/") ? basePath : `${basePath}/`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Not found · ${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}a{color:#0a58ca}</style>
</head>
<body>
<h1>Not found</h1>
<p>There is no page at this address. The reference of the newest API version is at <a href="${home}">${home}</a>;
each API version's reference stays at its own path, <code>${home}&lt;version&gt;/</code>.</p>
</body>
</html>
`;
}

/** One API version's reference on the site: its folder `<version>/` and the files in it. */
export interface VersionEntry {
  version: string;
  /** Paths inside the version's folder, `/`-separated (for carry-over.ts to fetch). */
  files: string[];
}

export interface VersionsManifest {
  /** The version served at `/`. */
  latest: string;
  /** Every version the site holds, newest first. */
  versions: VersionEntry[];
}

/** The versions a site held, plus the one just built, which is the one served at `/`. */
export function mergeVersions(previous: readonly VersionEntry[], built: VersionEntry): VersionsManifest {
  const others = previous.filter(({ version }) => version !== built.version);
  const versions = [built, ...others].sort((a, b) => b.version.localeCompare(a.version));
  return { latest: built.version, versions };
}
