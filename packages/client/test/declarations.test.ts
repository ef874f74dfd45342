/**
 * The published declarations compile in a Node project that does not load the DOM's
 * (`lib: ["es2023"]` with @types/node, as @tsconfig/node20 has it) and checks libraries'
 * declarations too (`skipLibCheck: false`): a DOM-only name in them (`BodyInit` was one)
 * is an error there, and with `skipLibCheck` it silently becomes `any`.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as TypeScript from "typescript";
import { afterAll, expect, it } from "vitest";

/** Required, not imported: see readme-types.test.ts (an import scans TypeScript's 9 MB for its export names). */
const ts: typeof TypeScript = createRequire(import.meta.url)("typescript");

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
// Inside the package so that `@lucca-api/client` resolves, through the workspace link, to its build.
const workDir = join(packageDir, "node_modules/.cache", `declarations-${process.pid}`);
afterAll(() => rm(workDir, { recursive: true, force: true }));

// A bound for a hang only: the type-check is CPU-bound (a few seconds alone, far more on a loaded machine).
it("the package's declarations compile with Node's types and no DOM library, skipLibCheck off", async () => {
  await mkdir(workDir, { recursive: true });
  const file = join(workDir, "node-app.mts");
  await writeFile(file, 'import { createLuccaFilesClient } from "@lucca-api/client";\nimport { clientCredentials } from "@lucca-api/client/client-credentials";\nexport const lucca = createLuccaFilesClient({ host: "example.ilucca.net", auth: clientCredentials({ clientId: "c", clientSecret: "s" }) });\n');
  await writeFile(join(workDir, "package.json"), JSON.stringify({ type: "module" }));
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2023.d.ts"],
    types: ["node"],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file?.fileName.replace(/.*node_modules\//, "") ?? ""} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
  expect(problems).toEqual([]);
}, 240_000);
