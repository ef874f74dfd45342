/**
 * Every TypeScript block of the README compiles, against the built package as an
 * integrator imports it, under the strictest settings people use: `strict`,
 * `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`, `verbatimModuleSyntax`.
 * A block with its own imports is a whole program; the others are fragments, compiled
 * after a prelude that declares what they use, typed as an application would have it
 * (an ETag or an option may well be `undefined`).
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as TypeScript from "typescript";
import { afterAll, expect, it } from "vitest";

/** Required, not imported: an import first scans TypeScript's 9 MB for its export names, about 0.4 s of CPU (../../types/scripts/typescript-compiler.ts; its rootDir keeps this package from importing that module). */
const ts: typeof TypeScript = createRequire(import.meta.url)("typescript");

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
// Inside the package so that `@lucca-api/client` resolves, through the workspace link, to its build.
const workDir = join(packageDir, "node_modules/.cache", `readme-types-${process.pid}`);
afterAll(() => rm(workDir, { recursive: true, force: true }));

const prelude = `
import { unwrap, type LuccaFilesClient, type ContentType, type IncludeValue, type UploadSource, type UploadProgress, type FileTarget } from "@lucca-api/client";
declare const lucca: LuccaFilesClient;
declare const file: Awaited<ReturnType<LuccaFilesClient["uploadFile"]>>["file"];
declare const source: UploadSource;
declare const target: FileTarget;
declare const id: string;
declare const token: string;
declare const fileName: string | undefined;
declare const contentType: ContentType | undefined;
declare const size: number | undefined;
declare const include: IncludeValue[] | undefined;
declare const ifMatch: string | undefined;
declare const ifNoneMatch: string | undefined;
declare const offset: number | undefined;
declare const onProgress: ((progress: UploadProgress) => void) | undefined;
declare const signal: AbortSignal | undefined;
void unwrap;
`;

/** The prelude without the names the block declares itself. */
function preludeFor(block: string): string {
  const declaredByBlock = (name: string) => new RegExp(`\\b(?:const|let)\\s+(?:\\{[^}]*\\b${name}\\b[^}]*\\}|${name}\\b)`).test(block);
  return prelude
    .split("\n")
    .filter((line) => !/^declare const (\w+)/.test(line) || !declaredByBlock(/^declare const (\w+)/.exec(line)![1]!))
    .join("\n");
}

const strictest: TypeScript.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: ["node"],
  // The package's declarations are compiled under these settings by its own build.
  skipLibCheck: true,
};

// The type-check of the blocks with Node's and the DOM's declarations is CPU-bound (a few
// seconds alone; past 40 s at a load average of 25 on 2 cores): a bound for a hang only.
it("every ts block of the README compiles under strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess and verbatimModuleSyntax", async () => {
  const readme = await readFile(join(packageDir, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(5);
  await mkdir(workDir, { recursive: true });
  const files: string[] = [];
  for (const [index, block] of blocks.entries()) {
    const file = join(workDir, `block-${index + 1}.mts`);
    // A fragment is a module too (`export {}`), so that top-level await and its names stay its own.
    await writeFile(file, /^import /m.test(block) ? block : `${preludeFor(block)}\n${block}\nexport {};\n`);
    files.push(file);
  }
  await writeFile(join(workDir, "package.json"), JSON.stringify({ type: "module" }));
  const program = ts.createProgram(files, strictest);
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.replace(`${workDir}/`, "")}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
  expect(problems).toEqual([]);
}, 240_000);
