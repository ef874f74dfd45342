/**
 * `npm run typecheck`: every workspace's `typecheck` script in one process (see
 * typecheck-workspaces.ts); tsc's messages, then one line a workspace. Exits 1 on any error.
 *
 *   tsx scripts/typecheck/cli.ts
 */
import { fileURLToPath } from "node:url";
import { formatDiagnostics, typecheckWorkspaces } from "./typecheck-workspaces.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
let errors = 0;
for (const { config, diagnostics } of await typecheckWorkspaces(root)) {
  if (diagnostics.length > 0) process.stdout.write(formatDiagnostics(diagnostics, root, process.stdout.isTTY === true));
  errors += diagnostics.length;
  console.log(`${config}: ${diagnostics.length === 0 ? "no error" : `${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}`}`);
}
process.exitCode = errors === 0 ? 0 : 1;
