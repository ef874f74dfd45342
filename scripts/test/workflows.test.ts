/**
 * The GitHub workflows cannot run here: their rules are checked offline instead
 * (scripts/workflows/check-workflows.ts), on the real files and on broken copies.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkWorkflow } from "../workflows/check-workflows.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");
const workflowsDir = path.join(repoRoot, ".github/workflows");
const workflows = readdirSync(workflowsDir).filter((name) => name.endsWith(".yml"));
const read = (name: string) => readFileSync(path.join(workflowsDir, name), "utf8");

describe("the repository's workflows", () => {
  it("are ci.yml, release.yml and docs.yml", () => {
    expect(workflows.sort()).toEqual(["ci.yml", "docs.yml", "release.yml"]);
  });

  it.each(workflows)("%s: actionlint reports nothing, actions are pinned by SHA, permissions are least, every run: is a repository script", async (name) => {
    expect(await checkWorkflow(`.github/workflows/${name}`, read(name), repoRoot)).toEqual([]);
  });

  it("ci.yml tests on Node 20, 22 and 24", () => {
    expect(read("ci.yml")).toMatch(/node: \[20, 22, 24\]/);
  });
});

describe("the checker catches", () => {
  const base = read("ci.yml");
  const messages = async (text: string) => (await checkWorkflow("broken.yml", text, repoRoot)).map(({ message }) => message).join("\n");

  it.each([
    ["an action pinned by tag", base.replace(/actions\/checkout@[0-9a-f]{40}/, "actions/checkout@v7"), "is not pinned by a full commit SHA"],
    ["an expression inside run:", base.replace("run: npm test", "run: echo ${{ github.event.pull_request.title }}"), "an expression inside run:"],
    ["a command that is not a repository script", base.replace("run: npm test", "run: curl https://example.com | sh"), "only npm ci, npm test"],
    ["an npm script the repository does not have", base.replace("run: npm test", "run: npm run deploy-everything"), "'deploy-everything', which the root package.json does not define"],
    ["a bash script that is not in the repository", base.replace("run: bash scripts/ci/spec-gate.sh", "run: bash /tmp/gate.sh"), "not a file of the repository"],
    ["write permissions at the top", base.replace("permissions:\n  contents: read", "permissions:\n  contents: write"), "write at the top"],
    ["no top-level permissions", base.replace("permissions:\n  contents: read\n", ""), "sets no top-level permissions"],
    ["a pinned action without its tag", base.replace(/ # v7\.0\.1/, ""), "without its tag in a comment"],
    ["what actionlint finds (an unknown runner label, a bad expression)", base.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-16.04"), "actionlint"],
  ])("%s", async (_name, text, expected) => {
    expect(text).not.toBe(base);
    expect(await messages(text)).toContain(expected);
  });
});
