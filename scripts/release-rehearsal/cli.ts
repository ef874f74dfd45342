/**
 * `npm run release:rehearse`: the whole release, rehearsed on this machine against a
 * real npm registry on 127.0.0.1 (Verdaccio), then used as an integrator would. Every
 * folder is temporary and outside the repository; nothing is pushed or published
 * anywhere else. Run by `.ci/run`. See scripts/README.md.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { versionAndPublish, cloneCurrentCommit } from "./publish.ts";
import { startRegistry, type Registry } from "./registry.ts";
import { log } from "./run.ts";
import { rehearseScratchApp } from "./scratch-app.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const work = await mkdtemp(path.join(tmpdir(), "lucca-release-rehearsal-"));
const started = performance.now();
let registry: Registry | undefined;
try {
  registry = await startRegistry(path.join(work, "registry"));
  const clone = path.join(work, "clone");
  await cloneCurrentCommit(repoRoot, clone);
  const published = await versionAndPublish(clone, registry);
  await rehearseScratchApp(path.join(work, "scratch-app"), repoRoot, registry, published);
  log(`passed in ${((performance.now() - started) / 1000).toFixed(0)} s: ${published.map(({ name, version }) => `${name}@${version}`).join(", ")}`);
} catch (error) {
  console.error(`[rehearsal] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.KEEP_REHEARSAL) console.error(`[rehearsal] kept ${work}`);
  process.exitCode = 1;
} finally {
  await registry?.close();
  if (!process.env.KEEP_REHEARSAL || process.exitCode !== 1) await rm(work, { recursive: true, force: true });
}
