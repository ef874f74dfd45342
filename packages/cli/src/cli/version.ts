import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { currentApiVersion } from "@lucca-api/types";

/** `lucca-files 0.1.0 (@lucca-api/client 0.1.0, API 2024-11-01)`: what a bug report needs. */
export function versionText(): string {
  const own = versionOf(new URL("../../package.json", import.meta.url));
  const client = versionOf(createRequire(import.meta.url).resolve("@lucca-api/client/package.json"));
  return `lucca-files ${own} (@lucca-api/client ${client}, API ${currentApiVersion})\n`;
}

function versionOf(manifest: URL | string): string {
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}
