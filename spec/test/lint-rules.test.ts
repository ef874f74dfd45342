import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { specDir } from "./load.ts";

const run = promisify(execFile);
const redocly = path.resolve(new URL("../node_modules/.bin/redocly", specDir).pathname);
const config = new URL("../redocly.yaml", specDir).pathname;

/** Lints a copy of the spec after `edit` changed it; returns the names of the rules that fired. */
async function lintEdited(edit: (dir: string) => Promise<void>): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "lint-"));
  try {
    for (const part of ["openapi.yaml", "paths", "components"]) await cp(new URL(part, specDir), path.join(dir, part), { recursive: true });
    await edit(dir);
    const result = await run(redocly, ["lint", "--config", config, "--format", "json", path.join(dir, "openapi.yaml")]).catch(
      (error: { stdout: string }) => error,
    );
    const problems: { ruleId: string }[] = JSON.parse(result.stdout).problems;
    return [...new Set(problems.map((p) => p.ruleId))].sort();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function replaceIn(file: string, from: string, to: string) {
  const text = await readFile(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${from}`);
  await writeFile(file, text.replace(from, to));
}

describe("redocly lint", () => {
  it("reports no problem on the spec as it is", async () => {
    expect(await lintEdited(async () => {})).toEqual([]);
  });

  it.each([
    ["a summary not in sentence case", "paths/files.yaml", "summary: Upload a file", "summary: Upload A File", "rule/operation-summary-sentence-case"],
    ["an operationId not in camelCase", "paths/files.yaml", "operationId: uploadFile", "operationId: upload_file", "rule/operation-id-camel-case"],
    ["an example that does not match its schema", "components/examples/UploadedFile.yaml", "type: file", "type: folder", "no-invalid-media-type-examples"],
    ["a named schema without a description", "components/schemas/FileContent.yaml", "description: The raw content of a file, byte for byte as it was uploaded.\n", "", "rule/schema-has-description"],
    // The interop rules (issue 9): each fix that keeps the spec usable by other tools.
    ["a schema named like a platform global", "components/schemas/FileObject.yaml", "title: FileObject", "title: File", "rule/no-platform-global-schema-name"],
    ["a `*/*` multipart part type", "paths/files.yaml", "contentType: >-", 'contentType: "*/*"\n            x-was: >-', "rule/no-wildcard-part-type"],
    ["an Accept header parameter", "components/parameters/AcceptEncoding.yaml", "name: Accept-Encoding", "name: Accept", "rule/no-reserved-header-parameter"],
    ["an Authorization header parameter", "components/parameters/AcceptEncoding.yaml", "name: Accept-Encoding", "name: authorization", "rule/no-reserved-header-parameter"],
    ["a parameter default the server does not apply", "components/parameters/Disposition.yaml", "enum: [json, inline, attachment]", "enum: [json, inline, attachment]\n  default: json", "rule/no-parameter-default-the-server-does-not-apply"],
    ["a closed enum in a response", "components/schemas/FileObject.yaml", "    anyOf:\n      - $ref: ./FileContentType.yaml\n      - type: string\n        minLength: 1\n", "    $ref: ./FileContentType.yaml\n", "interop/no-closed-enum-in-response"],
    ["an unquoted date-like scalar", "openapi.yaml", 'version: "2024-11-01"', "version: 2024-11-01", "interop/no-unquoted-date-scalar"],
    ["a brace in a $ref", "openapi.yaml", "$ref: ./paths/files-by-id.yaml", "$ref: ./paths/files-{id}.yaml", "interop/no-braces-in-ref"],
    ["a 4xx answer to GET without problem details", "paths/files-by-id.yaml", '"404":\n      $ref: ../components/responses/NotFound.yaml', '"404":\n      description: Not found.', "rule/4xx-has-problem-details"],
    ["a description on a server variable", "openapi.yaml", "        default: net\n", "        default: net\n        description: The top-level domain.\n", "rule/no-server-variable-description"],
    // Component names (issue 9's follow-up): generators flatten every kind into one namespace.
    ["a parameter named like a schema", "openapi.yaml", "components:\n  securitySchemes:", "components:\n  parameters:\n    ApiVersion:\n      $ref: ./components/parameters/ApiVersionHeader.yaml\n  securitySchemes:", "interop/no-component-name-shared-across-kinds"],
    ["a schema named like swagger-typescript-api's ContentType", "openapi.yaml", "components:\n  securitySchemes:", "components:\n  schemas:\n    ContentType:\n      $ref: ./components/schemas/FileContentType.yaml\n  securitySchemes:", "interop/no-generator-runtime-name"],
    ["Markdown in a server's description", "openapi.yaml", "(npm start). Not a Lucca server.", "(`npm start`). Not a Lucca server.", "rule/server-description-plain-text"],
  ])("rejects %s", async (_name, file, from, to, rule) => {
    expect(await lintEdited(async (dir) => {
      await replaceIn(path.join(dir, file), from, to);
      if (file === "paths/files-by-id.yaml" || !to.includes("files-{id}")) return;
      await rename(path.join(dir, "paths/files-by-id.yaml"), path.join(dir, "paths/files-{id}.yaml"));
    })).toContain(rule);
  });
});
