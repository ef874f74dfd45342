/** The client's browser bundle, minified and gzipped (openapi-fetch included), beside bare openapi-fetch's. */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

async function gzippedSize(contents: string, resolveDir: string): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export async function measureBundles(packageDir: string) {
  return {
    client: await gzippedSize(`export * from "./src/index.ts";`, packageDir),
    "bare openapi-fetch": await gzippedSize(`export { default } from "openapi-fetch";`, packageDir),
  };
}
