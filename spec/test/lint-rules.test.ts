import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specDir } from "./load.ts";

const run = promisify(execFile);
const redocly = path.resolve(new URL("../node_modules/.bin/redocly", specDir).pathname);
const config = new URL("../redocly.yaml", specDir).pathname;

/** Copies the spec into `dir`, then lets `edit` change the copy; returns the copy's root file. */
async function editedCopy(dir: string, edit: (dir: string) => Promise<void>): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const part of ["openapi.yaml", "paths", "components"]) await cp(new URL(part, specDir), path.join(dir, part), { recursive: true });
  await edit(dir);
  return path.join(dir, "openapi.yaml");
}

/**
 * Lints every copy in one `redocly lint` (starting Redocly costs more CPU than a lint);
 * returns, for each copy, the names of the rules that fired. Redocly prints one JSON report
 * per spec, in the order given: each report is checked to name only its own copy's files.
 */
async function lintAll(root: string, specs: string[]): Promise<string[][]> {
  const result = await run(redocly, ["lint", "--config", config, "--format", "json", ...specs], { cwd: root }).catch((error: { stdout: string }) => error);
  // The reports are pretty-printed objects back to back: `}{` starts a line only between two.
  const reports: { problems: { ruleId: string; location: { source: { ref: string } }[] }[] }[] = JSON.parse(`[${result.stdout.replaceAll("\n}{\n", "\n},{\n")}]`);
  if (reports.length !== specs.length) throw new Error(`redocly lint printed ${reports.length} reports for ${specs.length} specs:\n${result.stdout}`);
  return reports.map((report, index) => {
    const dir = path.dirname(specs[index]!) + path.sep;
    const elsewhere = report.problems.flatMap((p) => p.location).find((at) => !path.resolve(root, at.source.ref).startsWith(dir));
    if (elsewhere) throw new Error(`redocly lint's report ${index + 1} names ${elsewhere.source.ref}, outside ${dir}: the reports are not in the order of the specs`);
    return [...new Set(report.problems.map((p) => p.ruleId))].sort();
  });
}

async function replaceIn(file: string, from: string, to: string) {
  const text = await readFile(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${from}`);
  await writeFile(file, text.replace(from, to));
}

/** Each edit that a house rule must reject: [what, file, from, to, the rule]. */
const rejected: [string, string, string, string, string][] = [
  ["a summary not in sentence case", "paths/files.yaml", "summary: Upload a file", "summary: Upload A File", "rule/operation-summary-sentence-case"],
  ["an operationId not in camelCase", "paths/files.yaml", "operationId: uploadFile", "operationId: upload_file", "rule/operation-id-camel-case"],
  ["an example that does not match its schema", "components/examples/UploadedFile.yaml", "type: file", "type: folder", "no-invalid-media-type-examples"],
  ["a named schema without a description", "components/schemas/FileContent.yaml", "description: The raw content of a file, byte for byte as it was uploaded.\n", "", "rule/schema-has-description"],
  // The interop rules (issue 9): each fix that keeps the spec usable by other tools.
  ["a schema named like a platform global", "components/schemas/FileObject.yaml", "title: FileObject", "title: File", "interop/no-platform-global-name"],
  ["a `*/*` multipart part type", "paths/files.yaml", "contentType: >-", 'contentType: "*/*"\n            x-was: >-', "rule/no-wildcard-part-type"],
  ["an Accept header parameter", "components/parameters/AcceptEncoding.yaml", "name: Accept-Encoding", "name: Accept", "rule/no-reserved-header-parameter"],
  ["an Authorization header parameter", "components/parameters/AcceptEncoding.yaml", "name: Accept-Encoding", "name: authorization", "rule/no-reserved-header-parameter"],
  ["a parameter default the server does not apply", "components/parameters/Disposition.yaml", "enum: [json, inline, attachment]", "enum: [json, inline, attachment]\n  default: json", "rule/no-parameter-default-the-server-does-not-apply"],
  ["a closed enum in a response", "components/schemas/FileObject.yaml", "    anyOf:\n      - $ref: ./FileContentType.yaml\n      - type: string\n        minLength: 1\n", "    $ref: ./FileContentType.yaml\n", "interop/no-closed-enum-in-response"],
  ["an unquoted date-like scalar", "openapi.yaml", 'version: "2024-11-01"', "version: 2024-11-01", "interop/no-unquoted-date-scalar"],
  ["a brace in a $ref", "openapi.yaml", "$ref: ./paths/files-by-id.yaml", "$ref: ./paths/files-{id}.yaml", "interop/no-braces-in-ref"],
  ["a 4xx answer to GET without problem details", "paths/files-by-id.yaml", '"404":\n      $ref: ../components/responses/NotFound.yaml', '"404":\n      description: Not found.', "rule/4xx-has-problem-details"],
  ["a description on a server variable", "openapi.yaml", "        default: net\n", "        default: net\n        description: The top-level domain.\n", "rule/no-server-variable-description"],
  ["Markdown in a server's description", "openapi.yaml", "(npm start). Not a Lucca server.", "(`npm start`). Not a Lucca server.", "rule/server-description-plain-text"],
  // Component names (issue 9's follow-up): generators flatten every kind into one namespace.
  ["a parameter named like a schema", "openapi.yaml", "components:\n  securitySchemes:", "components:\n  parameters:\n    ApiVersion:\n      $ref: ./components/parameters/ApiVersionHeader.yaml\n  securitySchemes:", "interop/no-component-name-shared-across-kinds"],
  ["a schema named like swagger-typescript-api's ContentType", "openapi.yaml", "components:\n  securitySchemes:", "components:\n  schemas:\n    ContentType:\n      $ref: ./components/schemas/FileContentType.yaml\n  securitySchemes:", "interop/no-generator-runtime-name"],
];

/**
 * Each file rename that a rule must reject: [what, file, its new name, the rule]. Every
 * `$ref` to the file follows it, so the copy names the component after the new file, as
 * `redocly bundle` would.
 */
const rejectedRenames: [string, string, string, string][] = [
  ["a schema whose file is named like a platform global", "components/schemas/FileObject.yaml", "File.yaml", "interop/no-platform-global-name"],
  ["a parameter named like a platform global (the DOM's Range)", "components/parameters/RangeHeader.yaml", "Range.yaml", "interop/no-platform-global-name"],
  ["a response header named like a platform global", "components/headers/LocationHeader.yaml", "Location.yaml", "interop/no-platform-global-name"],
];

/** Renames `file` (relative to `dir`) to `newName` in its folder, and every `$ref` to it in the copy's YAML files. */
async function renameWithRefs(dir: string, file: string, newName: string) {
  const oldName = path.basename(file);
  await rename(path.join(dir, file), path.join(dir, path.dirname(file), newName));
  const yamlFiles = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith(".yaml"));
  for (const name of yamlFiles) {
    const text = await readFile(path.join(dir, name), "utf8");
    const moved = text.replaceAll(`/${oldName}`, `/${newName}`);
    if (moved !== text) await writeFile(path.join(dir, name), moved);
  }
}

/** The rules that fired on each copy, by its description; "as it is" is the spec unedited. */
const fired = new Map<string, string[]>();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "lint-"));
  const edits: [string, (dir: string) => Promise<void>][] = [
    ["as it is", async () => {}],
    ...rejected.map(([name, file, from, to]): [string, (dir: string) => Promise<void>] => [
      name,
      async (dir) => {
        await replaceIn(path.join(dir, file), from, to);
        if (file === "paths/files-by-id.yaml" || !to.includes("files-{id}")) return;
        await rename(path.join(dir, "paths/files-by-id.yaml"), path.join(dir, "paths/files-{id}.yaml"));
      },
    ]),
    ...rejectedRenames.map(([name, file, newName]): [string, (dir: string) => Promise<void>] => [name, (dir) => renameWithRefs(dir, file, newName)]),
  ];
  const specs = await Promise.all(edits.map(([, edit], index) => editedCopy(path.join(root, `copy-${index}`), edit)));
  const results = await lintAll(root, specs);
  edits.forEach(([name], index) => fired.set(name, results[index]!));
}, 60_000);

afterAll(() => rm(root, { recursive: true, force: true }));

describe("redocly lint", () => {
  it("reports no problem on the spec as it is", () => {
    expect(fired.get("as it is")).toEqual([]);
  });

  it.each(rejected)("rejects %s", (name, _file, _from, _to, rule) => {
    expect(fired.get(name)).toContain(rule);
  });

  it.each(rejectedRenames)("rejects %s", (name, _file, _newName, rule) => {
    expect(fired.get(name)).toContain(rule);
  });
});
