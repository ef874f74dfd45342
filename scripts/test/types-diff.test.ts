import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffTypes } from "../spec-check/types-diff.ts";

let work: string;
afterEach(() => rm(work, { recursive: true, force: true }));

async function compare(before: string, after: string) {
  work = await mkdtemp(path.join(tmpdir(), "types-diff-test-"));
  for (const [side, text] of [["base", before], ["revision", after]] as const) {
    await mkdir(path.join(work, side));
    await writeFile(path.join(work, side, "constants.ts"), text);
  }
  return diffTypes(path.join(work, "base"), path.join(work, "revision"), path.join(work, "diff"));
}

describe("the effect on the generated types", () => {
  it("is a change of declarations when a union loses a member, with the diff to show", async () => {
    const diff = await compare(
      'export const contentTypes = ["image/png", "image/jpg"] as const;\n',
      'export const contentTypes = ["image/jpg"] as const;\n',
    );
    expect(diff.changed).toBe(true);
    expect(diff.files).toMatchObject([{ file: "constants.ts", effect: "declarations", added: 1, removed: 1, changes: [{ type: "contentTypes", change: '−`"image/png"`' }] }]);
    expect(diff.files[0]!.patch).toContain('-export const contentTypes = ["image/png", "image/jpg"] as const;');
  });

  it("is doc comments only when a description sentence is added", async () => {
    const diff = await compare("/** Upload a file. */\nexport type A = string;\n", "/** Upload a file. Then reference it. */\nexport type A = string;\n");
    expect(diff).toEqual({
      changed: false,
      files: [{ file: "constants.ts", effect: "comments", added: 0, removed: 0, changes: [], patch: "" }],
    });
  });

  it("is a change of declarations when a `@default` changes: it is what the API assumes for a value left out, not prose", async () => {
    const diff = await compare(
      'export interface Q {\n    /**\n     * @description How.\n     * @default json\n     */\n    disposition?: "json" | "attachment";\n}\n',
      'export interface Q {\n    /**\n     * @description How.\n     * @default attachment\n     */\n    disposition?: "json" | "attachment";\n}\n',
    );
    expect(diff.changed).toBe(true);
    expect(diff.files[0]).toMatchObject({ effect: "declarations", added: 1, removed: 1 });
    expect(diff.files[0]!.patch).toContain('-    /* @default json */ disposition?: "json" | "attachment";');
    expect(diff.files[0]!.patch).toContain('+    /* @default attachment */ disposition?: "json" | "attachment";');
  });

  it("is member order only when the properties of an object type are reordered", async () => {
    const diff = await compare(
      "export interface File {\n    id: string;\n    /** Its type. */\n    contentType: string;\n    [name: string]: unknown;\n}\n",
      "export interface File {\n    /** Its type. */\n    contentType: string;\n    id: string;\n    [name: string]: unknown;\n}\n",
    );
    expect(diff).toEqual({
      changed: false,
      files: [{ file: "constants.ts", effect: "order", added: 0, removed: 0, changes: [], patch: "" }],
    });
  });

  it("is a change of declarations when the members of an array or tuple are reordered: their order is part of the value", async () => {
    const diff = await compare("export const a = [\"x\", \"y\"] as const;\n", "export const a = [\"y\", \"x\"] as const;\n");
    expect(diff.files[0]).toMatchObject({ effect: "declarations" });
  });

  it("is nothing when the files are the same", async () => {
    expect(await compare("export type A = string;\n", "export type A = string;\n")).toEqual({ changed: false, files: [] });
  });
});
