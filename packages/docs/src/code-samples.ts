/**
 * The code samples shown on each operation (Redoc's `x-codeSamples`), read from the real
 * files in `samples/`: those files are type-checked against `@lucca-api/client` and run
 * against the sandbox by the tests, so what readers copy is what was run.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { operationsOf } from "./operations.ts";

/**
 * One language of samples: the file extension in `samples/`, and the `lang` Redoc shows.
 * The order is the order of the tabs; the first is shown by default.
 */
export const sampleLanguages = [
  { extension: ".ts", lang: "TypeScript" },
  { extension: ".sh", lang: "curl" },
] as const;

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/** `uploadFile` -> `upload-file`: sample files are named after the operationId, in kebab-case. */
export function sampleBaseName(operationId: string): string {
  return operationId.replace(/[A-Z]/g, (letter) => "-" + letter.toLowerCase());
}

/**
 * Reads the samples of every operation of `document` from `samplesDir`. Every operation
 * must have one file per language, and every sample file must belong to an operation, so
 * that a renamed operation cannot leave a sample behind or a new one ship without one.
 */
export async function readCodeSamples(document: unknown, samplesDir: string): Promise<Map<string, CodeSample[]>> {
  const operations = operationsOf(document);
  const files = new Set(await readdir(samplesDir));
  const used = new Set<string>();
  const problems: string[] = [];
  const samples = new Map<string, CodeSample[]>();

  for (const { operationId } of operations) {
    const forOperation: CodeSample[] = [];
    for (const { extension, lang } of sampleLanguages) {
      const fileName = sampleBaseName(operationId) + extension;
      if (!files.has(fileName)) {
        problems.push(`operation ${operationId} has no ${lang} sample: write ${path.join(samplesDir, fileName)}`);
        continue;
      }
      used.add(fileName);
      const source = (await readFile(path.join(samplesDir, fileName), "utf8")).trimEnd() + "\n";
      forOperation.push({ lang, label: lang, source });
    }
    samples.set(operationId, forOperation);
  }

  const extensions: readonly string[] = sampleLanguages.map(({ extension }) => extension);
  const known = operations.map(({ operationId }) => operationId).join(", ");
  for (const fileName of [...files].sort())
    if (extensions.includes(path.extname(fileName)) && !used.has(fileName))
      problems.push(`${path.join(samplesDir, fileName)} matches no operationId of the spec (${known}): rename or delete it`);

  if (problems.length > 0) throw new Error(`code samples do not match the spec:\n  ${problems.join("\n  ")}`);
  return samples;
}

/**
 * A copy of `document` with each operation's `x-codeSamples` set from `samples`. The spec
 * itself carries no samples: they would be a second, unchecked copy of the files.
 */
export function withCodeSamples<T>(document: T, samples: Map<string, CodeSample[]>): T {
  const copy = structuredClone(document);
  for (const { operationId, method, path: route, operation } of operationsOf(copy)) {
    for (const key of ["x-codeSamples", "x-code-samples"])
      if (operation[key] !== undefined)
        throw new Error(
          `${method} ${route} (${operationId}) already has ${key} in the spec: remove it, the samples come from packages/docs/samples/`,
        );
    operation["x-codeSamples"] = samples.get(operationId) ?? [];
  }
  return copy;
}
