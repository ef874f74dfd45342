// Run by the release rehearsal with Node ≥ 20.19: CommonJS code loads the ESM-only
// packages with `require` (require(esm)), as the READMEs promise.
const client = require("@lucca-api/client");
const types = require("@lucca-api/types");
const sandbox = require("@lucca-api/sandbox");

for (const [name, value] of [
  ["createLuccaFilesClient", client.createLuccaFilesClient],
  ["startSandbox", sandbox.startSandbox],
]) {
  if (typeof value !== "function") throw new Error(`require() gave no ${name} function`);
}
console.log(
  `require(): @lucca-api/client exports ${Object.keys(client).length} names, @lucca-api/types ${Object.keys(types).length}, ` +
    `@lucca-api/sandbox ${Object.keys(sandbox).length}; createLuccaFilesClient and startSandbox are functions`,
);
