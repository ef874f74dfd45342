import { build } from "esbuild";
const r = await build({ stdin: { contents: `export * from "@lucca-api/client";`, resolveDir: "/work/wt/i12-review/packages/client", loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
console.log(r.outputFiles[0].text);
