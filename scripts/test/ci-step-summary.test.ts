/** scripts/ci/step-summary.sh: ci.yml's step that puts the gate's report in the job summary. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { exec } from "../spec-check/exec.ts";

const script = new URL("../ci/step-summary.sh", import.meta.url).pathname;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "step-summary-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it("appends the report to the job summary file GitHub gives the step", async () => {
  const report = path.join(dir, "spec-check.md");
  const summary = path.join(dir, "summary.md");
  await writeFile(report, "## Spec check\n\n| check | result |\n");
  await writeFile(summary, "earlier step\n");
  const result = await exec("bash", [script, report], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
  expect(result.code).toBe(0);
  expect(await readFile(summary, "utf8")).toBe("earlier step\n## Spec check\n\n| check | result |\n");
});

it.each([
  ["outside GitHub Actions", { GITHUB_STEP_SUMMARY: "" }, "spec-check.md", "GITHUB_STEP_SUMMARY is unset"],
  ["when the gate wrote no report", { GITHUB_STEP_SUMMARY: "/dev/null" }, "missing.md", "no report at"],
])("says why and succeeds %s", async (_when, env, report, message) => {
  const result = await exec("bash", [script, path.join(dir, report)], { cwd: dir, env });
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(message);
});
