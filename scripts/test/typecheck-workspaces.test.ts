/** `npm test`'s type check (typecheck/typecheck-workspaces.ts), on a throwaway repository of three workspaces. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostics, typecheckWorkspaces } from "../typecheck/typecheck-workspaces.ts";

let root: string;

/** A workspace with `files` and, when `typecheck` is given, that script. Checks stay cheap: no @types, a small lib. */
async function workspace(folder: string, typecheck: string | undefined, files: Record<string, string>): Promise<void> {
  await mkdir(path.join(root, folder), { recursive: true });
  await writeFile(path.join(root, folder, "package.json"), JSON.stringify({ name: folder, scripts: typecheck ? { typecheck } : {} }));
  const tsconfig = { compilerOptions: { strict: true, noEmit: true, lib: ["es2022"], types: [], module: "nodenext" }, include: ["*.ts"] };
  for (const [name, text] of Object.entries({ "tsconfig.json": JSON.stringify(tsconfig), ...files })) await writeFile(path.join(root, folder, name), text);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "typecheck-"));
  await writeFile(path.join(root, "package.json"), JSON.stringify({ workspaces: ["packages/*", "tools"] }));
  await workspace("packages/broken", "tsc -p tsconfig.json", { "index.ts": 'export const count: number = "three";\n' });
  await workspace("packages/sound", "tsc --noEmit -p .", { "index.ts": "export const count: number = 3;\n" });
  await workspace("tools", undefined, { "index.ts": 'export const count: number = "never checked";\n' });
});

afterAll(() => rm(root, { recursive: true, force: true }));

/** What each workspace is told, as cli.ts prints it (one line a problem). */
async function problemsByWorkspace(): Promise<Record<string, string>> {
  return Object.fromEntries((await typecheckWorkspaces(root)).map(({ workspace, diagnostics }) => [workspace, formatDiagnostics(diagnostics, root, false)]));
}

describe("every workspace's typecheck script, in one process", () => {
  it("checks each workspace with the tsconfig its script names, and reports what tsc reports", async () => {
    const checks = await typecheckWorkspaces(root);

    expect(checks.map(({ workspace, config }) => [workspace, config])).toEqual([
      ["packages/broken", "packages/broken/tsconfig.json"],
      ["packages/sound", "packages/sound/tsconfig.json"],
    ]);
    const [broken, sound] = checks;
    expect(sound!.diagnostics).toEqual([]);
    expect(formatDiagnostics(broken!.diagnostics, root, false)).toBe(
      "packages/broken/index.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.\n",
    );
  });

  // Workspaces with the same options are checked in one program: what each is told must
  // still be what its own tsc would say.
  it("keeps a global one workspace declares from the others checked with it", async () => {
    await workspace("packages/globals", "tsc -p tsconfig.json", { "index.ts": "declare global { var answer: number }\nexport const doubled: number = answer * 2;\n" });
    await workspace("packages/user", "tsc -p tsconfig.json", { "index.ts": "export const half: number = answer / 2;\n" });
    try {
      const found = await problemsByWorkspace();
      expect(found["packages/globals"]).toBe("");
      expect(found["packages/user"]).toBe("packages/user/index.ts(1,29): error TS2304: Cannot find name 'answer'.\n");
    } finally {
      for (const folder of ["packages/globals", "packages/user"]) await rm(path.join(root, folder), { recursive: true });
    }
  });

  it("tells each workspace checked with others the problems of the files its program holds, and of its own rootDir", async () => {
    await workspace("packages/user", "tsc -p tsconfig.json", {
      "index.ts": 'export { wrong } from "./shared.ts";\n',
      "shared.ts": 'export const wrong: number = "not a number";\n',
    });
    await workspace("packages/reader", "tsc -p tsconfig.json", { "index.ts": 'export { wrong } from "../user/shared.ts";\n' });
    await workspace("packages/bystander", "tsc -p tsconfig.json", { "index.ts": "export const fine = 1;\n" });
    for (const folder of ["packages/user", "packages/reader", "packages/bystander"]) {
      const file = path.join(root, folder, "tsconfig.json");
      const config = JSON.parse(await readFile(file, "utf8"));
      config.compilerOptions = { ...config.compilerOptions, rootDir: ".", allowImportingTsExtensions: true };
      await writeFile(file, JSON.stringify(config));
    }
    try {
      const found = await problemsByWorkspace();
      expect(found["packages/user"]).toBe("packages/user/shared.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.\n");
      expect(found["packages/reader"]).toBe(
        `packages/reader/index.ts(1,23): error TS6059: File '${path.join(root, "packages/user/shared.ts")}' is not under 'rootDir' '${path.join(root, "packages/reader")}'. 'rootDir' is expected to contain all source files.\n` +
          `  File is CommonJS module because '${path.join(root, "packages/user/package.json")}' does not have field "type"\n` +
          "packages/user/shared.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.\n",
      );
      expect(found["packages/bystander"]).toBe("");
    } finally {
      for (const folder of ["packages/user", "packages/reader", "packages/bystander"]) await rm(path.join(root, folder), { recursive: true });
    }
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
