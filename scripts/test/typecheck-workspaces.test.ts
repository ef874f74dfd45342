/** `npm test`'s type check (typecheck/typecheck-workspaces.ts), on a throwaway repository of workspaces. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostics, typecheckWorkspaces, type WorkspaceCheck } from "../typecheck/typecheck-workspaces.ts";

let root: string;
/** Every workspace's check, as `typecheckWorkspaces(root)` returns it: one run serves the rules below. */
let checks: WorkspaceCheck[];

/**
 * A workspace with `files` and, when `typecheck` is given, that script. Checks stay cheap:
 * no @types, the smallest lib (es5). `options` are added to its tsconfig's.
 */
async function workspace(folder: string, typecheck: string | undefined, files: Record<string, string>, options: object = {}): Promise<void> {
  await mkdir(path.join(root, folder), { recursive: true });
  await writeFile(path.join(root, folder, "package.json"), JSON.stringify({ name: folder, scripts: typecheck ? { typecheck } : {} }));
  const compilerOptions = { strict: true, noEmit: true, lib: ["es5"], types: [], module: "nodenext", ...options };
  for (const [name, text] of Object.entries({ "tsconfig.json": JSON.stringify({ compilerOptions, include: ["*.ts"] }), ...files }))
    await writeFile(path.join(root, folder, name), text);
}

/** What a workspace is told, as cli.ts prints it (one line a problem). */
function problemsOf(folder: string): string {
  const check = checks.find(({ workspace }) => workspace === folder);
  if (!check) throw new Error(`${folder} was not checked`);
  return formatDiagnostics(check.diagnostics, root, false);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "typecheck-"));
  await writeFile(path.join(root, "package.json"), JSON.stringify({ workspaces: ["packages/*", "tools"] }));
  await workspace("packages/broken", "tsc -p tsconfig.json", { "index.ts": 'export const count: number = "three";\n' });
  await workspace("packages/sound", "tsc --noEmit -p .", { "index.ts": "export const count: number = 3;\n" });
  await workspace("tools", undefined, { "index.ts": 'export const count: number = "never checked";\n' });
  // Workspaces with the same options are checked in one program; what each is told must
  // still be what its own tsc would say. These three share options (but rootDir, which does
  // not count), and their files meet: reader and outside import one of user's, outside from
  // outside its rootDir.
  const sharing = { allowImportingTsExtensions: true };
  await workspace("packages/user", "tsc -p tsconfig.json", { "index.ts": 'export { wrong } from "./shared.ts";\n', "shared.ts": 'export const wrong: number = "not a number";\n' }, sharing);
  await workspace("packages/reader", "tsc -p tsconfig.json", { "index.ts": 'export { wrong } from "../user/shared.ts";\n' }, sharing);
  await workspace("packages/outside", "tsc -p tsconfig.json", { "index.ts": 'export { wrong } from "../user/shared.ts";\n' }, { ...sharing, rootDir: "." });
  // These two share other options: one declares a global that the other uses without declaring it.
  const other = { noImplicitReturns: true };
  await workspace("packages/globals", "tsc -p tsconfig.json", { "index.ts": "declare global { var answer: number }\nexport const doubled: number = answer * 2;\n" }, other);
  await workspace("packages/stranger", "tsc -p tsconfig.json", { "index.ts": "export const half: number = answer / 2;\n" }, other);
  checks = await typecheckWorkspaces(root);
  // TypeScript loaded and seven programs checked, on 2 cores that the other tasks share.
}, 120_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe("every workspace's typecheck script, in one process", () => {
  it("checks each workspace with the tsconfig its script names, and reports what tsc reports", () => {
    expect(checks.map(({ workspace, config }) => [workspace, config])).toEqual(
      ["broken", "globals", "outside", "reader", "sound", "stranger", "user"].map((name) => [`packages/${name}`, `packages/${name}/tsconfig.json`]),
    );
    expect(problemsOf("packages/sound")).toBe("");
    expect(problemsOf("packages/broken")).toBe("packages/broken/index.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.\n");
  });

  it("tells each workspace checked with others the problems of the files its program holds, and of its own rootDir", () => {
    const wrong = "packages/user/shared.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.\n";
    expect(problemsOf("packages/user")).toBe(wrong);
    expect(problemsOf("packages/reader")).toBe(wrong);
    expect(problemsOf("packages/outside")).toBe(
      `packages/outside/index.ts(1,23): error TS6059: File '${path.join(root, "packages/user/shared.ts")}' is not under 'rootDir' '${path.join(root, "packages/outside")}'. 'rootDir' is expected to contain all source files.\n` +
        `  File is CommonJS module because '${path.join(root, "packages/user/package.json")}' does not have field "type"\n` +
        wrong,
    );
  });

  it("keeps a global one workspace declares from another checked with it", () => {
    expect(problemsOf("packages/globals")).toBe("");
    expect(problemsOf("packages/stranger")).toBe("packages/stranger/index.ts(1,29): error TS2304: Cannot find name 'answer'.\n");
  });

  it("refuses a typecheck script it cannot read, naming the workspace, the script and the fix", async () => {
    await workspace("packages/other", "vue-tsc --noEmit", {});
    try {
      await expect(typecheckWorkspaces(root)).rejects.toThrow(
        "packages/other/package.json: its typecheck script is 'vue-tsc --noEmit'; this check runs only 'tsc -p <tsconfig>' (or 'tsc --noEmit -p <tsconfig>').",
      );
    } finally {
      await rm(path.join(root, "packages/other"), { recursive: true });
    }
  });
});
