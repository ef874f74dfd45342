/** `npm test`'s type check (typecheck/typecheck-workspaces.ts), on a throwaway repository of three workspaces. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
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
