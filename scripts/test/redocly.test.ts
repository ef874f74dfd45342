import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SpecCheckError } from "../spec-check/errors.ts";
import { bundle, lint } from "../spec-check/redocly.ts";

let repo: string;
afterEach(() => rm(repo, { recursive: true, force: true }));

/** A repository holding only a redocly.yaml and spec/openapi.yaml. */
async function repoWith(spec: string): Promise<string> {
  repo = await mkdtemp(path.join(tmpdir(), "redocly-test-"));
  await mkdir(path.join(repo, "spec"));
  await writeFile(path.join(repo, "redocly.yaml"), "telemetry: off\nextends:\n  - recommended\nrules:\n  operation-summary: error\n");
  await writeFile(path.join(repo, "spec/openapi.yaml"), spec);
  return repo;
}

const spec = (operation: string) =>
  `openapi: 3.1.0\ninfo: {title: t, version: "1", description: d, license: {name: MIT, identifier: MIT}}\nservers: [{url: "https://example.test"}]\n` +
  `security: []\npaths:\n  /files:\n    get:\n      operationId: listFiles\n${operation}      description: d\n      responses:\n        "200": {description: ok}\n        "400": {description: bad}\n`;

// That lint passes a spec with no problem is the end-to-end test's: its passing branch's
// report says "no problem" and lists none (a Redocly start, 0.45 s of CPU, fewer here).
describe("lint", () => {
  it("fails on a problem, naming the rule and where it is", async () => {
    const result = await lint(await repoWith(spec("")));
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ severity: "error", ruleId: "operation-summary", where: "spec/openapi.yaml#/paths/~1files/get/summary" }));
  });
});

describe("bundle", () => {
  it("refuses a spec that does not bundle, saying which side it is", async () => {
    const broken = await repoWith(spec("      summary: List files\n").replace("responses:", "responses:\n        $ref: ./missing.yaml\n       "));
    const bundling = bundle(broken, path.join(broken, "out.json"), "the working tree");
    await expect(bundling).rejects.toThrow(SpecCheckError);
    await expect(bundling).rejects.toThrow(/^the spec at the working tree does not bundle \(redocly bundle spec\/openapi.yaml\):\n.*missing\.yaml/s);
  });
});
