/**
 * A local Chromium (Debian's, or the one `CHROMIUM_PATH` names) driven by playwright-core,
 * with a fresh profile and the flags that keep it from talking to Google: no browser is
 * downloaded, nothing phones home.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { findChromium, installHint } from "@lucca-api/scripts/find-chromium";
import { chromium, type BrowserContext } from "playwright-core";

const flags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  const search = findChromium();
  if (!search.found) throw new Error(`no Chromium to launch (${search.why}): ${installHint}.`);
  const profile = await mkdtemp(path.join(tmpdir(), "docs-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: search.executablePath,
    headless: true,
    args: flags,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
