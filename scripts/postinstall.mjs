/**
 * The root `postinstall`: applies `patches/` with patch-package (patches/README.md).
 * Plain JavaScript, as it runs before anything is built and with no devDependency at hand.
 *
 * Both the patches and patch-package are devDependencies of the tests (the patches fix
 * Prism), so `npm ci --omit=dev`, which installs neither, has nothing to patch. Such an
 * install has no build tools either: unless the sandbox is built already, it stops here
 * with one line that says what to run instead, rather than leave a checkout where
 * nothing starts (`npm start` needs tsx, `dist/` does not exist).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const installed = (name) => existsSync(join(root, "node_modules", name));

if (installed("patch-package")) {
  const manifest = JSON.parse(readFileSync(join(root, "node_modules", "patch-package", "package.json"), "utf8"));
  const bin = join(root, "node_modules", "patch-package", typeof manifest.bin === "string" ? manifest.bin : manifest.bin["patch-package"]);
  const { status } = spawnSync(process.execPath, [bin, "--error-on-fail", "--error-on-warn"], { cwd: root, stdio: "inherit" });
  process.exit(status ?? 1);
}

// `@stoplight+http-spec+7.1.0.patch` patches `@stoplight/http-spec`.
const patched = readdirSync(join(root, "patches"))
  .filter((file) => file.endsWith(".patch"))
  .map((file) => file.replace(/\+[^+]+\.patch$/, "").replace("+", "/"));
const unpatched = patched.filter(installed);
const stop = (message) => {
  console.error(`postinstall: ${message}`);
  process.exit(1);
};
if (unpatched.length > 0)
  stop(`${unpatched.join(", ")} installed without patch-package, which patches them: run npm ci (with the devDependencies).`);
if (!existsSync(join(root, "packages", "sandbox", "dist", "cli.js")))
  stop(
    "npm ci --omit=dev installs no build tool, and the sandbox is not built: run npm ci && npm run build && npm prune --omit=dev, " +
      "then node packages/sandbox/dist/cli.js (or run the published sandbox: npx @lucca-api/sandbox).",
  );
