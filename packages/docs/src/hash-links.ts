/**
 * Redoc 3 navigates with a hash router (`#/getting-a-token`), so that the site needs no
 * server rewrite and works from disk. Its prerendered sidebar, though, writes each entry's
 * route as a plain path (`href="/getting-a-token"`), and React keeps an attribute of the
 * prerendered markup when it hydrates it: until a click redraws the sidebar, an entry
 * copied or opened in a new tab pointed at a path no static host serves (a 404, and the
 * host's root for a site below it, such as GitHub Pages' `/<repository>/`). The router's
 * links are the anchors it marks `data-discover`; each is given the `#/…` form the router
 * itself writes once it draws them.
 */

/** An anchor of the router, prerendered with a path where the router means `#/…`. */
const routerLinkWithPath = /<a\b[^>]*\bdata-discover="true"[^>]*>/g;

/** Returns `html` with the router's prerendered links in their `#/…` form. */
export function withHashLinks(html: string): string {
  return html.replace(routerLinkWithPath, (tag) => tag.replace(/\bhref="\/(?!\/)/, 'href="#/'));
}
