/**
 * Opens the built reference in chromium and records what the page does: every request
 * outside the allowed origin (aborted, so nothing leaves the machine) and every console
 * error or uncaught exception.
 */
import type { BrowserContext, Locator, Page } from "playwright-core";
import { schemasSectionName } from "../../src/redoc-options.ts";

export interface Recorder {
  /** Requests to anywhere but the page's own origin (or in-memory `blob:`/`data:` URLs). */
  foreignRequests: string[];
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
}

/** Starts recording on `context`; `isOwn` says which URLs are the page's own. */
export async function recordContext(context: BrowserContext, isOwn: (url: URL) => boolean): Promise<Recorder> {
  const recorder: Recorder = { foreignRequests: [], errors: [] };
  const own = (raw: string) => {
    const url = new URL(raw);
    return url.protocol === "blob:" || url.protocol === "data:" || isOwn(url);
  };
  const record = (url: string) => {
    if (!recorder.foreignRequests.includes(url)) recorder.foreignRequests.push(url);
  };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (own(url)) return route.continue();
    record(url);
    return route.abort("blockedbyclient");
  });
  // Requests the router does not see (from workers, say) are still reported as events.
  context.on("request", (request) => {
    if (!own(request.url())) record(request.url());
  });
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") recorder.errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => recorder.errors.push(`uncaught: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return recorder;
}

/** The sidebar, once Redoc has hydrated the page. */
export async function sidebarOf(page: Page) {
  const sidebar = page.locator(".menu-content");
  await sidebar.waitFor();
  return sidebar;
}

/** Waits until the search box is ready: it says "Loading…" while Redoc indexes the page. */
export async function waitForSearchIndex(page: Page): Promise<void> {
  await (await sidebarOf(page)).getByText(/^Search/).first().waitFor();
}

/** Clicks a sidebar entry by its exact label. */
export async function openInSidebar(page: Page, label: string): Promise<void> {
  const sidebar = await sidebarOf(page);
  await sidebar.getByText(label, { exact: true }).first().click();
}

/**
 * A visible heading whose text starts with `text`, in the page or in one of its sections.
 * Text, not accessible name: Redoc's headings are named "link to …" by their anchor, and
 * an operation's heading also holds its badges.
 */
export function headingOf(scope: Page | Locator, text: string): Locator {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return scope.getByRole("heading").filter({ hasText: new RegExp(`^${escaped}`), visible: true }).first();
}

/** Waits for a visible heading whose text starts with `text` (headingOf). */
export async function waitForHeading(page: Page, text: string): Promise<void> {
  await headingOf(page, text).waitFor();
}

/**
 * An operation's section, once Redoc has rendered it (it renders a section when it is
 * first opened, and keeps it): Redoc names it `<tag>/<operationId in lower case>`.
 */
export function operationSection(page: Page, operationId: string) {
  return page.locator(`[data-section-id$="/${operationId.toLowerCase()}"]`);
}

/**
 * A schema's section under the schemas section: Redoc names it
 * `<schemas section>/<schema name>`, both in lower case.
 */
export function schemaSection(page: Page, name: string) {
  return page.locator(`[data-section-id$="/${schemasSectionName.toLowerCase()}/${name.toLowerCase()}"]`);
}
