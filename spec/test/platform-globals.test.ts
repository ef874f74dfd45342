import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// A path in a variable: TypeScript does not resolve it, so the plugin needs no typings.
const pluginUrl = new URL("../lint/interop-plugin.js", import.meta.url).href;
const { platformGlobalNames } = (await import(pluginUrl)) as { platformGlobalNames: string[] };

/** The text of every `.d.ts` file in `dir` (not its subfolders), joined. */
async function typingsIn(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".d.ts"));
  return (await Promise.all(files.map((name) => readFile(path.join(dir, name), "utf8")))).join("\n");
}

/** What browsers, Node and the language declare globally, as TypeScript's libs and @types/node type it. */
let globalTypings: string;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const typescriptLib = path.join(path.dirname(require.resolve("typescript/package.json")), "lib");
  const nodeTypes = path.dirname(require.resolve("@types/node/package.json"));
  globalTypings = (await typingsIn(typescriptLib)) + (await typingsIn(nodeTypes));
});

describe("interop/no-platform-global-name's list", () => {
  it.each(platformGlobalNames)("names %s, a global that TypeScript's libs or @types/node declare", (name) => {
    // A global interface, class, var or type: `interface Range {`, `declare var Range: {`, `var Buffer: BufferConstructor;`.
    expect(globalTypings).toMatch(new RegExp(`^\\s*(?:declare\\s+)?(?:interface|class|var|type)\\s+${name}\\b`, "m"));
  });

  it("lists each name once", () => {
    expect(new Set(platformGlobalNames).size).toBe(platformGlobalNames.length);
  });
});
