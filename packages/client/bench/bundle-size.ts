/**
 * The client's browser bundle as a browser app gets it: `@lucca-api/client` resolved
 * through its package `exports` (the build in dist/), every export kept (more than any
 * one app uses), bundled by esbuild for the browser, minified, gzipped at level 9;
 * beside the same with `@lucca-api/client/client-credentials`, and bare openapi-fetch's. `npm run bench` prints it;
 * `test/bundle-size.test.ts` holds it to `bundleBudget`.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/**
 * The most the client may weigh in a browser, min+gzip, in bytes. Issue 12 asked for
 * 10 KiB; the fifth and sixth passes reached 11,238 bytes (10.97 KiB), and the fixes of
 * their review took 318 more (`bench/README.md`), each raising this by what it needed:
 * 11,556 bytes (11.29 KiB), held so that it can only shrink otherwise: lower it with each
 * change that makes the bundle smaller.
 * What it is made of, module by module: `bench/README.md` (openapi-fetch 2.2 KiB, the
 * client's own code the rest). The browser build leaves out the spec's list of accepted
 * content types (a maintainers' decision: the package README's *In a browser*). The
 * outside-in audit's fixes added what they need, byte for byte: a stream with a `path`
 * is no `{ path }` (+4), the 401 of a link on another origin says why (+178), `host`
 * refuses a URL (+27), a request that got no answer names the token URL when it was the
 * token's (+20), `download.blob()` carries the content type (+6), `bytes()` and `blob()`
 * read the content themselves, so that an abort is an `AbortError` in a browser (+41), an
 * upload's 400 about its type names the way round and a nameless Blob asks for its
 * fileName as such (+83): 356 bytes on top of the review's 11,556 once merged (each
 * measured alone before the merge: 359), so 11,912 bytes; the 412's hint that a weak
 * ETag never matches If-Match, and '*' does (+23): 11,935 bytes; the header's name in that
 * hint from the spec (+9) and the Node-only refusals' texts kept once for both builds (+29):
 * 11,974 bytes (11.69 KiB); a typed call's answer that is not JSON streams, untouched, even
 * without `Content-Disposition` (+42: it was decoded as UTF-8 text, corrupting binary
 * content a page could not see the header of): 12,016 bytes (11.73 KiB).
 */
export const bundleBudget = 12_016;

export interface BundleSize {
  min: number;
  gzip: number;
}

async function gzippedSize(contents: string, resolveDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export async function measureBundles(packageDir: string): Promise<Record<"client" | "with client-credentials" | "bare openapi-fetch", BundleSize>> {
  return {
    client: await gzippedSize(`export * from "@lucca-api/client";`, packageDir),
    // What a page that imports the grant on purpose (a local sandbox) carries besides.
    "with client-credentials": await gzippedSize(`export * from "@lucca-api/client"; export * from "@lucca-api/client/client-credentials";`, packageDir),
    "bare openapi-fetch": await gzippedSize(`export { default } from "openapi-fetch";`, packageDir),
  };
}
