/**
 * vitest's global setup: a temporary folder for the reference the test files share
 * (built-site.ts builds it there, in the worker, when a file first asks), removed when the
 * run ends. Its path reaches the worker through the environment, which the worker inherits.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const siteFolderVariable = "DOCS_TEST_SITE_FOLDER";

export default async function setup(): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(tmpdir(), "docs-site-"));
  process.env[siteFolderVariable] = folder;
  return () => rm(folder, { recursive: true, force: true });
}
