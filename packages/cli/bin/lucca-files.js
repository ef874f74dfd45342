#!/usr/bin/env node
// The `lucca-files` command. It lives outside dist/ so that npm links it at `npm ci` in
// the repository, before anything is built; there it says how to build if dist/ is missing.
import { existsSync } from "node:fs";

const entry = new URL("../dist/bin.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("lucca-files: not built yet; run `npm run build` (or `npm start`) at the repository's root.\n");
  process.exit(1);
}
await import(entry.href);
