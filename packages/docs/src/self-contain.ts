/**
 * Makes Redoc's page load nothing from another origin. `--inlineBundle` inlines Redoc's
 * scripts and styles, but the sidebar's "API docs by Redocly" logo still comes from
 * Redocly's CDN (Redocly CLI 2.77, Redoc 3.0): it is pointed at a copy of the logo
 * shipped in `assets/`. The browser test records every request and is the real guard;
 * this module fails the build early, and names what changed, when Redocly's output moves.
 */

/** Remote URLs Redoc's bundle loads at run time, and the local file that replaces each. */
export const remoteAssets = [
  { remote: "https://cdn.redoc.ly/redoc/logo-mini-full.svg", local: "assets/redocly-logo-full.svg" },
  { remote: "https://cdn.redoc.ly/redoc/logo-mini.svg", local: "assets/redocly-logo.svg" },
] as const;

/** Markup that would make the browser fetch from another origin as the page loads. */
const remoteLoads = [
  /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i,
  /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//i,
  /<img\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i,
  /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//i,
  /@font-face\s*{[^}]*url\(\s*["']?(?:https?:)?\/\//i,
];

/** Returns `html` with the remote assets pointed at their local copies; throws if the page still names a remote load. */
export function selfContain(html: string): string {
  let result = html;
  for (const { remote, local } of remoteAssets) {
    if (!result.includes(remote))
      throw new Error(
        `Redocly's page no longer contains ${remote}: its output changed, check what it loads now and update packages/docs/src/self-contain.ts`,
      );
    result = result.replaceAll(remote, local);
  }
  for (const pattern of remoteLoads) {
    const found = pattern.exec(result);
    if (found)
      throw new Error(
        `the page would load from another origin (${found[0]}): the reference must be self-contained; point it at a file in packages/docs/assets/`,
      );
  }
  return result;
}
