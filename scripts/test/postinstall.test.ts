/**
 * The root postinstall (scripts/postinstall.mjs), run by node on a checkout laid out in a
 * temporary folder: with the devDependencies it runs patch-package; without them
 * (`npm ci --omit=dev`) it has nothing to patch, and either lets a built sandbox be or
 * says in one line what to run instead.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../postinstall.mjs", import.meta.url));
const patchFile = "@stoplight+http-spec+7.1.0.patch";

interface Layout {
  /** A stand-in patch-package that prints its arguments and exits with this status. */
  patchPackage?: number;
  /** Packages present in node_modules. */
  packages?: string[];
  sandboxBuilt?: boolean;
}

const checkouts: string[] = [];
afterEach(async () => {
  await Promise.all(checkouts.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function checkout({ patchPackage, packages = [], sandboxBuilt = false }: Layout): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "postinstall-"));
  checkouts.push(root);
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  };
  await mkdir(path.join(root, "scripts"));
  await copyFile(script, path.join(root, "scripts", "postinstall.mjs"));
  await write(`patches/${patchFile}`, "");
  for (const name of packages) await write(`node_modules/${name}/package.json`, "{}");
  if (patchPackage !== undefined) {
    await write("node_modules/patch-package/package.json", JSON.stringify({ bin: "./index.js" }));
    await write("node_modules/patch-package/index.js", `console.log("patch-package", process.argv.slice(2).join(" ")); process.exit(${patchPackage});`);
  }
  if (sandboxBuilt) await write("packages/sandbox/dist/cli.js", "");
  return root;
}

async function postinstall(root: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(root, "scripts", "postinstall.mjs")], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error: any) {
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

describe("the root postinstall", () => {
  it("with the devDependencies, runs patch-package, failing on a patch that fails or warns, and passes on its status", async () => {
    expect(await postinstall(await checkout({ patchPackage: 0, packages: ["@stoplight/http-spec"] }))).toEqual({
      code: 0,
      stdout: "patch-package --error-on-fail --error-on-warn\n",
      stderr: "",
    });
    expect((await postinstall(await checkout({ patchPackage: 1, packages: ["@stoplight/http-spec"] }))).code).toBe(1);
  });

  it("without them (npm ci --omit=dev), patches nothing and lets a built sandbox be", async () => {
    expect(await postinstall(await checkout({ sandboxBuilt: true }))).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("without them and with nothing built, fails with one line saying what to run instead", async () => {
    const { code, stdout, stderr } = await postinstall(await checkout({}));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain("npm ci && npm run build && npm prune --omit=dev");
    expect(stderr).toContain("node packages/sandbox/dist/cli.js");
  });

  it("fails when a patched package is installed but patch-package is not, naming the package", async () => {
    const { code, stderr } = await postinstall(await checkout({ packages: ["@stoplight/http-spec"], sandboxBuilt: true }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^postinstall: @stoplight\/http-spec installed without patch-package, .*run npm ci/);
  });
});
