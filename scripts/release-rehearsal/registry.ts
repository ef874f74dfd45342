/**
 * A real npm registry on 127.0.0.1 for the rehearsal: Verdaccio, on a free port, over a
 * throw-away storage folder, with no uplink (it serves only what the rehearsal publishes).
 *
 * Verdaccio is not a dependency of the repository: it is installed at its pinned version
 * into a cache folder outside the repository, on first use, from the npm registry. It is
 * a 58 MB tree of 327 packages that only this rehearsal uses; keeping it out of the
 * lockfile keeps `npm ci` (every contributor, every CI job) from paying for it, and its
 * `node-fetch` override from touching the repository's resolution. 6.8.0 is the last
 * Verdaccio that installs on Node 20; its `node-fetch` must be pinned to 2.7.0 there.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { homedir } from "node:os";
import path from "node:path";
import { log, run } from "./run.ts";

export const verdaccioVersion = "6.8.0";
const overrides = { "node-fetch": "2.7.0" };

/** Where Verdaccio is installed: `RELEASE_REHEARSAL_CACHE`, else a folder of the user's cache. */
export function verdaccioHome(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.RELEASE_REHEARSAL_CACHE || path.join(env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "lucca-api-files");
  return path.join(cache, `verdaccio-${verdaccioVersion}`);
}

async function ensureVerdaccio(home: string): Promise<void> {
  const manifest = path.join(home, "node_modules/verdaccio/package.json");
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === verdaccioVersion) {
    log(`Verdaccio ${verdaccioVersion}: already installed in ${home}`);
    return;
  }
  log(`Verdaccio ${verdaccioVersion}: installing into ${home} (once; outside the repository and its lockfile)`);
  await mkdir(home, { recursive: true });
  const pkg = { private: true, description: "Verdaccio for the release rehearsal", dependencies: { verdaccio: verdaccioVersion }, overrides };
  await writeFile(path.join(home, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  await run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: home });
}

export interface Registry {
  /** e.g. `http://127.0.0.1:41234/` */
  url: string;
  /** A token of the one user allowed to publish. */
  token: string;
  close(): Promise<void>;
}

function configYaml(storage: string): string {
  return [
    `storage: ${JSON.stringify(path.join(storage, "packages"))}`,
    "auth:",
    "  htpasswd:",
    `    file: ${JSON.stringify(path.join(storage, "htpasswd"))}`,
    "    max_users: 1",
    "uplinks: {}",
    "packages:",
    "  '**':",
    "    access: $all",
    "    publish: $authenticated",
    "web:",
    "  enable: false",
    "log: { type: stdout, format: pretty, level: error }",
    "",
  ].join("\n");
}

/** Starts Verdaccio on 127.0.0.1 (port 0) over `storage` and registers the publishing user. */
export async function startRegistry(storage: string): Promise<Registry> {
  const home = verdaccioHome();
  await ensureVerdaccio(home);
  await mkdir(storage, { recursive: true });
  const configFile = path.join(storage, "config.yaml");
  await writeFile(configFile, configYaml(storage));

  const { runServer } = createRequire(path.join(home, "package.json"))("verdaccio");
  const server: Server = await runServer(configFile);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));

  // npm's `adduser` against Verdaccio's htpasswd: the first user is created and gets a token.
  const user = "rehearsal";
  const response = await fetch(`${url}-/user/org.couchdb.user:${user}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: user, password: "rehearsal-only-password" }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) {
    await close();
    throw new Error(`Verdaccio refused to create the publishing user: ${response.status} ${body.error ?? ""}`);
  }
  log(`Verdaccio ${verdaccioVersion} serves ${url} (storage ${storage})`);
  return { url, token: body.token, close };
}
