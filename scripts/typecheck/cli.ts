/**
 * `npm run typecheck`: every workspace's `typecheck` script in one process (see
 * typecheck-workspaces.ts); tsc's messages, then one line a workspace. Exits 1 on any error,
 * and first on a build compiled with --noCheck that its type check does not cover
 * (unchecked-builds.ts).
 *
 *   node --import tsx scripts/typecheck/cli.ts   (npm run typecheck)
 */
import { fileURLToPath } from "node:url";
import { formatDiagnostics, typecheckWorkspaces } from "./typecheck-workspaces.ts";
import { buildCoverageProblems } from "./unchecked-builds.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const uncovered = await buildCoverageProblems(root);
if (uncovered.length > 0) {
  for (const problem of uncovered) console.error(problem);
  process.exit(1);
}
let errors = 0;
for (const { config, diagnostics } of await typecheckWorkspaces(root)) {
  if (diagnostics.length > 0) process.stdout.write(formatDiagnostics(diagnostics, root, process.stdout.isTTY === true));
  errors += diagnostics.length;
  console.log(`${config}: ${diagnostics.length === 0 ? "no error" : `${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}`}`);
}
process.exitCode = errors === 0 ? 0 : 1;
