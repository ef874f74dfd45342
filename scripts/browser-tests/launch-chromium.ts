/**
 * Launches a local Chromium (the one `findChromium` finds, or `executablePath`) driven by
 * playwright-core, with a fresh profile and the flags that keep it from talking to Google:
 * no browser is downloaded, nothing phones home. The browser tests of every package and
 * the docs' benchmark launch it here.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
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
  context: BrowserContext;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

export async function launchChromium({ executablePath, viewport = { width: 1400, height: 900 } }: LaunchChromiumOptions = {}): Promise<Chromium> {
  const search = executablePath === undefined ? findChromium() : { found: true as const, executablePath };
  if (!search.found) throw new Error(`no Chromium to launch (${search.why}): ${installHint}.`);
  const profile = await mkdtemp(path.join(tmpdir(), "lucca-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: search.executablePath,
      headless: true,
      args: [...chromiumFlags],
      viewport,
    });
    return {
      context,
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
