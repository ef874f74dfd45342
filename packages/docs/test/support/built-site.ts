/**
 * One build of the reference for the test files that only read it (build.test.ts,
 * browser.test.ts): Redocly's render costs about 2 s of CPU, and the files share their
 * worker (vitest.config.ts: `isolate: false`), so the second one reuses the first one's.
 * It is built in the folder of the run's global setup (site-folder.ts), which removes it.
 */
import path from "node:path";
import { buildReference, type BuiltReference } from "../../src/build.ts";
import { siteFolderVariable } from "./site-folder.ts";

let site: Promise<BuiltReference> | undefined;

/** The reference as `buildReference` writes it: read it, never change it. */
export function sharedSite(): Promise<BuiltReference> {
  const folder = process.env[siteFolderVariable];
  if (!folder) throw new Error(`${siteFolderVariable} is not set: run the docs' tests with their vitest.config.ts, whose global setup sets it`);
  site ??= buildReference({ outDir: path.join(folder, "site") });
  return site;
}
