/** The repository's publishable packages: every `packages/*` whose manifest is not private. */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

export interface PublishablePackage {
  name: string;
  version: string;
  dir: string;
  /** Its `bin` names, if any. */
  bins: string[];
}

export function publishablePackages(root: string): PublishablePackage[] {
  const packagesDir = path.join(root, "packages");
  return readdirSync(packagesDir)
    .map((folder) => path.join(packagesDir, folder))
    .filter((dir) => existsSync(path.join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({
      name: manifest.name,
      version: manifest.version,
      dir,
      bins: typeof manifest.bin === "string" ? [manifest.name.split("/").pop()] : Object.keys(manifest.bin ?? {}),
    }));
}
