/**
 * One cold load of a page in chromium: the bytes it transferred (as the network layer
 * counts them, headers included) and the time until a given heading is visible.
 */
import type { BrowserContext } from "playwright-core";

export interface PageLoad {
  bytes: number;
  requests: number;
  milliseconds: number;
}

export async function measureLoad(context: BrowserContext, url: string, heading: RegExp): Promise<PageLoad> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (event) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  const started = performance.now();
  await page.goto(url);
  await page.getByRole("heading").filter({ hasText: heading, visible: true }).first().waitFor({ timeout: 30_000 });
  const milliseconds = performance.now() - started;
  // Let late requests (icons, logo) finish so that they are counted.
  await page.waitForLoadState("networkidle");
  await page.close();
  return { bytes, requests, milliseconds };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
