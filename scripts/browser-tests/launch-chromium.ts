/**
 * Launches a local Chromium (the one `findChromium` finds, or `executablePath`) driven by
 * playwright-core, with a fresh profile and the flags that keep it from talking to Google:
 * no browser is downloaded, nothing phones home. The browser tests of every package and
 * the docs' benchmark launch it here.
 */
import { chromium, type BrowserContext } from "playwright-core";
import { findChromium, installHint } from "./find-chromium.ts";

/** Headless as root on a CI machine, and offline: no sandbox, no GPU, no background traffic. */
export const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

export interface LaunchChromiumOptions {
  /** The browser to run; default: the one `findChromium` finds (an error when none). */
  executablePath?: string | undefined;
  /** Default: a desktop window, 1400 × 900 (the size of the docs' screenshots). */
  viewport?: { width: number; height: number } | undefined;
}

export interface Chromium {
  /** The browser's first context, with the viewport asked for. */
  context: BrowserContext;
  /**
   * Another context in the same browser process: its own cookies, routes and pages, at
   * a fraction of a second launch's CPU (a test file's suites each take one).
   */
  newContext(): Promise<BrowserContext>;
  /** Closes the browser; playwright deletes the fresh profile it launched it with. */
  close(): Promise<void>;
}

export async function launchChromium({ executablePath, viewport = { width: 1400, height: 900 } }: LaunchChromiumOptions = {}): Promise<Chromium> {
  const search = executablePath === undefined ? findChromium() : { found: true as const, executablePath };
  if (!search.found) throw new Error(`no Chromium to launch (${search.why}): ${installHint}.`);
  const browser = await chromium.launch({ executablePath: search.executablePath, headless: true, args: [...chromiumFlags] });
  try {
    const newContext = () => browser.newContext({ viewport });
    return { context: await newContext(), newContext, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
