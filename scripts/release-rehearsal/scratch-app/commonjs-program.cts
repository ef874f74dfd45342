// Compiled by the release rehearsal under `nodenext` as a CommonJS file (TypeScript
// turns the import into `require`), then run: the ESM-only client is required through
// Node's require(esm), with its types, as the READMEs say.
import { createLuccaFilesClient, type LuccaFilesClient } from "@lucca-api/client";

const create: (...args: Parameters<typeof createLuccaFilesClient>) => LuccaFilesClient = createLuccaFilesClient;
console.log(`CommonJS TypeScript (nodenext): createLuccaFilesClient is a ${typeof create}`);
