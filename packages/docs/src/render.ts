/**
 * Runs `redocly build-docs` (the CLI the project pins) on a spec file. Its scripts are
 * inlined (`--inlineBundle`), so the page needs no CDN; its options come from
 * redoc-options.ts and its template from templates/index.hbs.
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { redocOptions } from "./redoc-options.ts";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const redoclyCli = require.resolve("@redocly/cli/bin/cli.js");
/** The root config: `telemetry: off` for the CLI and for the page it writes. */
const redoclyConfig = fileURLToPath(new URL("../../../redocly.yaml", import.meta.url));
const template = fileURLToPath(new URL("../templates/index.hbs", import.meta.url));

export interface RenderInput {
  /** The OpenAPI document to render (JSON or YAML). */
  specFile: string;
  /** The HTML file to write. */
  outputFile: string;
  /** The page's meta description. */
  description: string;
}

export async function renderReference({ specFile, outputFile, description }: RenderInput): Promise<void> {
  const args = [
    redoclyCli,
    "build-docs",
    specFile,
    "--config",
    redoclyConfig,
    "--inlineBundle",
    "--template",
    template,
    "--templateOptions.description",
    description,
    "--openapi",
    JSON.stringify(redocOptions),
    "--output",
    outputFile,
  ];
  await run(process.execPath, args, {
    env: { ...process.env, REDOCLY_TELEMETRY: "off", DO_NOT_TRACK: "1" },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    // Redocly prints a Node 20 deprecation box on every run: drop it, keep what failed.
    const output = `${error.stderr ?? ""}\n${error.stdout ?? ""}`
      .split("\n")
      .filter((line) => line.trim() && !/[╔╚║]/.test(line))
      .join("\n");
    throw new Error(`redocly build-docs failed for ${specFile}:\n${output || error.message}`);
  });
}
