/**
 * The source reads top-down: each folder imports only from itself and the folders below
 * it, so that `core/` (the transport and what it needs) never depends on the features
 * built on it, and the factory that wires everything sits at the top.
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const src = join(dirname(fileURLToPath(import.meta.url)), "../src");

/** Lowest first; a module may import from its own layer's folder or any layer below. */
const layers = [["errors"], ["core"], ["auth"], ["links"], ["upload", "download", "files"], ["."]];
const layerOf = (folder: string) => layers.findIndex((names) => names.includes(folder));

async function sourceFiles(): Promise<string[]> {
  const entries = await readdir(src, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".ts")).map((entry) => relative(src, join(entry.parentPath, entry.name)));
}

it("every folder of src/ has its layer", async () => {
  const folders = new Set((await sourceFiles()).map((file) => dirname(file)));
  expect([...folders].filter((folder) => layerOf(folder) < 0)).toEqual([]);
});

it("no module imports from a folder above its own (core/ does not import the features)", async () => {
  const upward: string[] = [];
  for (const file of await sourceFiles()) {
    const text = await readFile(join(src, file), "utf8");
    for (const [, specifier] of text.matchAll(/^(?:import|export)[^"']*from\s+["'](\.[^"']+)["']/gm)) {
      const target = dirname(relative(src, join(src, dirname(file), specifier!)));
      const from = dirname(file);
      if (target !== from && layerOf(target) >= layerOf(from)) upward.push(`${file} imports ${specifier}`);
    }
  }
  expect(upward).toEqual([]);
});
