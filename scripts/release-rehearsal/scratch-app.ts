/**
 * An integrator's first hour, in an empty folder outside the repository: install the
 * published packages from the rehearsal's registry, start the installed sandbox with
 * `npx`, run the client README's first example against it, compile a strict TypeScript
 * program against the installed declarations (`nodenext`, then `bundler`), and `require`
 * the packages from CommonJS.
 */
import { copyFile, readFile, writeFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Registry } from "./registry.ts";
import { log, run, startUntil } from "./run.ts";
import type { PublishablePackage } from "./workspace.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The version the repository itself installed, so the scratch app compiles with the same TypeScript. */
function repoVersion(repoRoot: string, name: string): string {
  return createRequire(path.join(repoRoot, "package.json"))(`${name}/package.json`).version;
}

function tsconfig(mode: "nodenext" | "bundler"): object {
  // skipLibCheck stays off: the installed declarations themselves are checked too.
  const common = { target: "es2022", strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, types: ["node"] };
  return mode === "nodenext"
    ? { compilerOptions: { ...common, module: "nodenext", moduleResolution: "nodenext", outDir: "out" }, include: ["src"] }
    : { compilerOptions: { ...common, module: "esnext", moduleResolution: "bundler", noEmit: true }, include: ["src/*.ts"] };
}

/** The first ```ts block of the installed client's README: the example integrators copy. */
async function readmeExample(appDir: string): Promise<string> {
  const readme = await readFile(path.join(appDir, "node_modules/@lucca-api/client/README.md"), "utf8");
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!example) throw new Error("the installed @lucca-api/client README has no ```ts block");
  return example;
}

export async function rehearseScratchApp(appDir: string, repoRoot: string, registry: Registry, published: PublishablePackage[]): Promise<void> {
  if (!path.relative(repoRoot, appDir).startsWith(".."))
    throw new Error(`the scratch app ${appDir} must be outside the repository ${repoRoot}`);
  await mkdir(path.join(appDir, "src"), { recursive: true });
  await writeFile(path.join(appDir, "package.json"), JSON.stringify({ name: "scratch-app", private: true, type: "module" }, null, 2) + "\n");
  // Only the @lucca-api scope comes from the rehearsal's registry; the rest from the usual one.
  await writeFile(path.join(appDir, ".npmrc"), `@lucca-api:registry=${registry.url}\n`);

  const specs = published.map(({ name, version }) => `${name}@${version}`);
  const tools = [`typescript@${repoVersion(repoRoot, "typescript")}`, `@types/node@${repoVersion(repoRoot, "@types/node")}`];
  log(`scratch app ${appDir}: npm install ${[...specs, ...tools].join(" ")}`);
  await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...specs, ...tools], { cwd: appDir });
  for (const { name } of published) {
    const installed = JSON.parse(await readFile(path.join(appDir, "node_modules", name, "package.json"), "utf8"));
    log(`installed ${name}@${installed.version} from ${registry.url}`);
  }

  log("npx --no @lucca-api/sandbox (PORT=0), from the installed package alone");
  const sandbox = await startUntil("npx", ["--no", "--", "@lucca-api/sandbox"], { cwd: appDir, env: { PORT: "0" } }, /http:\/\/127\.0\.0\.1:\d+/);
  try {
    const sandboxUrl = sandbox.match[0];
    log(`the installed sandbox listens on ${sandboxUrl}`);

    await writeFile(path.join(appDir, "src/readme-example.ts"), await readmeExample(appDir));
    await copyFile(path.join(here, "scratch-app/program.ts"), path.join(appDir, "src/program.ts"));
    await copyFile(path.join(here, "scratch-app/commonjs-program.cts"), path.join(appDir, "src/commonjs-program.cts"));
    await copyFile(path.join(appDir, "node_modules/@lucca-api/client/README.md"), path.join(appDir, "README.md"));
    for (const mode of ["nodenext", "bundler"] as const) {
      await writeFile(path.join(appDir, `tsconfig.${mode}.json`), JSON.stringify(tsconfig(mode), null, 2) + "\n");
      await run("npx", ["--no", "--", "tsc", "-p", `tsconfig.${mode}.json`], { cwd: appDir });
      log(`tsc strict, moduleResolution ${mode}: ${mode === "nodenext" ? "the README example, program.ts and commonjs-program.cts" : "the README example and program.ts"} compile against the installed types`);
    }

    log("the client README's first example (compiled under nodenext), against the installed sandbox:");
    const output = await run(process.execPath, ["out/readme-example.js"], { cwd: appDir, env: { LUCCA_BASE_URL: sandboxUrl } });
    const [original, copy] = await Promise.all([readFile(path.join(appDir, "README.md")), readFile(path.join(appDir, "README.copy.md"))]);
    if (!original.equals(copy)) throw new Error("the example's README.copy.md differs from the README.md it uploaded");
    log(`example output: ${output.trim()} (README.copy.md is byte-identical)`);

    await copyFile(path.join(here, "scratch-app/require-client.cjs"), path.join(appDir, "require-client.cjs"));
    log(`node ${process.version} require-client.cjs, then the compiled out/commonjs-program.cjs:`);
    await run(process.execPath, ["require-client.cjs"], { cwd: appDir });
    await run(process.execPath, ["out/commonjs-program.cjs"], { cwd: appDir });

    for (const { name, bins } of published.filter(({ name }) => name !== "@lucca-api/sandbox"))
      for (const bin of bins) {
        const version = (await run("npx", ["--no", "--", bin, "--version"], { cwd: appDir })).trim();
        log(`npx ${bin} --version (${name}): ${version}`);
      }

    if (published.some(({ bins }) => bins.includes("lucca-files"))) {
      const uploaded = await run("npx", ["--no", "--", "lucca-files", "--sandbox", "--host", sandboxUrl, "upload", "README.md"], { cwd: appDir });
      if (!/^README\.md\s+\S+\s+http\S+token=/.test(uploaded)) throw new Error(`npx lucca-files upload printed no id and link: ${uploaded}`);
      log(`npx lucca-files --sandbox --host ${sandboxUrl} upload README.md (the installed CLI against the installed sandbox): ${uploaded.trim().replace(/token=\S+/, "token=…")}`);
    }
  } finally {
    sandbox.stop();
  }
}
