/**
 * `npm run bundle`: copies the bundled spec (`@lucca-api/spec/openapi.json`) into this
 * package as `openapi.json`, so that the published sandbox carries the spec it
 * implements and reads nothing from the monorepo (`npx @lucca-api/sandbox` in an empty
 * folder). The copy is ignored by git: the spec's own bundle is its source.
 */
import { copyFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const source = createRequire(import.meta.url).resolve("@lucca-api/spec/openapi.json");
// The package root, where src/spec-document.ts reads it (`bundledSpecFile`).
await copyFile(source, fileURLToPath(new URL("../openapi.json", import.meta.url)));
console.log(`copied ${source} into the sandbox package`);
