/**
 * The published package: only openapi-fetch and the types at run time, and the built
 * files import nothing else (Node built-ins only where the helpers are Node-only).
 * The repository's `test:packed` checks the exports map itself with publint and attw, on the tarball.
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const allowedRuntime = ["@lucca-api/types", "openapi-fetch"];

describe("runtime dependencies are openapi-fetch and the types, nothing else", () => {
  it("package.json declares exactly those", async () => {
    const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as { dependencies: Record<string, string>; peerDependencies?: unknown };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(allowedRuntime);
    expect(manifest.peerDependencies).toBeUndefined();
  });

  it("the sources import only those, relative files and node: built-ins", async () => {
    const files = (await readdir(join(packageDir, "src"), { recursive: true })).filter((file) => file.endsWith(".ts"));
    const specifiers = new Set<string>();
    for (const file of files) {
      const text = await readFile(join(packageDir, "src", file), "utf8");
      for (const match of text.matchAll(/(?:from|import\()\s*"([^"]+)"/g)) specifiers.add(match[1]!);
    }
    const external = [...specifiers].filter((s) => !s.startsWith(".") && !s.startsWith("node:"));
    expect([...new Set(external)].sort()).toEqual(allowedRuntime);
  });
});

describe("the browser entry", () => {
  it("exports the same names as the Node entry: one surface, two platforms", async () => {
    const [node, browser] = await Promise.all([import("../src/index.ts"), import("../src/browser.ts")]);
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
  });

  it("is what bundlers building for a browser resolve the package to", async () => {
    const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as { exports: Record<string, Record<string, string>> };
    expect(manifest.exports["."]).toMatchObject({ browser: "./dist/browser.js", default: "./dist/index.js" });
  });

  it("gets the client-credentials grant only from its own export, which a browser app imports on purpose", async () => {
    const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as { exports: Record<string, Record<string, string>> };
    expect(manifest.exports["./client-credentials"]).toEqual({ types: "./dist/client-credentials.d.ts", default: "./dist/client-credentials.js" });
    expect(Object.keys(await import("../src/client-credentials.ts"))).toEqual(["clientCredentials"]);
  });

  it("leaves out the extension table, the Node-only helpers and the client-credentials grant", async () => {
    const { build } = await import("esbuild");
    const result = await build({ stdin: { contents: `export * from "@lucca-api/client";`, resolveDir: packageDir }, bundle: true, platform: "browser", format: "esm", write: false, metafile: true, logLevel: "silent" });
    const inputs = Object.keys(result.metafile.inputs).map((input) => input.replace(/^(.*\/)?dist\//, ""));
    // Imported at all, not merely shaken out: the build does not even read them.
    expect(inputs).toContain("browser.js");
    expect(inputs.filter((input) => /extension-types|open-path|save-to-path|client-credentials|token-response|request-token/.test(input))).toEqual([]);
  });
});

describe("the README, published with the package, points to nothing the package lacks (its links: the repository's test:packed)", () => {
  const readProse = async () => (await readFile(join(packageDir, "README.md"), "utf8")).replace(/```[\s\S]*?```/g, "");

  it("a source, test, bench, spec or script path is a link to the repository, never a bare path", async () => {
    const bare = [...(await readProse()).matchAll(/(?<!\[)`((?:src|test|bench|spec|scripts)\/[^`]*)`/g)].map((match) => match[1]);
    expect(bare).toEqual([]);
  });


  it("an `npm run` it names is the package's own script, or a link to where it runs", async () => {
    const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const foreign = [...(await readProse()).matchAll(/(?<!\[)`npm run ([\w:-]+)/g)].map((match) => match[1]!).filter((name) => !(name in manifest.scripts));
    expect(foreign).toEqual([]);
  });
});
