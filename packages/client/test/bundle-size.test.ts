/**
 * The size budget of the browser bundle: the whole client, as a browser app imports it
 * (the package's build, every export), minified and gzipped (`bench/bundle-size.ts`).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { bundleBudget, measureBundles } from "../bench/bundle-size.ts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

it(`the whole client weighs at most ${bundleBudget} bytes (${(bundleBudget / 1024).toFixed(2)} KiB) min+gzip in a browser bundle`, async () => {
  const { client } = await measureBundles(packageDir);
  expect(client.gzip, `the browser bundle is ${(client.gzip / 1024).toFixed(2)} KiB min+gzip`).toBeLessThanOrEqual(bundleBudget);
});
