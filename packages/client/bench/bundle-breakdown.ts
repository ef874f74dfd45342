/**
 * What the browser bundle's gzipped bytes are made of: openapi-fetch, the text of the
 * client's own messages, and the rest (the client's code). Each part is measured by
 * taking it out of the same bundle and gzipping again (gzip is not additive, so each
 * figure is what that part adds to the others). It is how the budget's floor was found:
 * with every message of the client's own code reduced to a two-character code, what is
 * left still weighs more than issue 12's 10 KiB (the README's *Why the browser bundle is
 * not 10 KiB*).
 *
 * The bundle is `bundle-size.ts`'s client bundle, not minified, so that its modules can
 * be told apart (esbuild heads each with `// <path>`); each variant is then minified the
 * same way and gzipped at level 9.
 */
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import type * as TypeScript from "typescript";

// `require`d, not imported: an import makes Node scan TypeScript's 9 MB first (as
// `packages/types/scripts/typescript-compiler.ts` does for the scripts, which this
// package's `rootDir` keeps it from importing).
const ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;

export interface BundleBreakdown {
  /** The whole bundle, minified from its unminified form (some 80 bytes under `bundle-size.ts`'s figure: the parts are differences within this one). */
  whole: number;
  /** What openapi-fetch adds. */
  openapiFetch: number;
  /** What the client's message texts add, beyond a two-character code each. */
  messages: number;
  /** How many message literals (or literal parts of a template) the client's code has. */
  messageCount: number;
  /** The bundle with every message of the client's code a two-character code. */
  withCodedMessages: number;
}

const gzipped = async (code: string) => gzipSync((await transform(code, { minify: true, format: "esm" })).code, { level: 9 }).length;

/** A literal that reads as words (`is required`, `timed out after`), not a key, a header name or a pattern. */
const isMessage = (text: string) => text.length >= 12 && /[a-z]{2,} [a-z]{2,}/i.test(text);

export async function measureBreakdown(packageDir: string): Promise<BundleBreakdown> {
  const result = await build({
    stdin: { contents: `export * from "@lucca-api/client";`, resolveDir: packageDir, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  // The exports keep every module alive; as a plain statement they survive taking a module out.
  const bundle = result.outputFiles[0]!.text.replace(/export \{([^}]*)\};\s*$/, (_, names: string) => `globalThis.kept = [${names.split(",").map((name) => name.trim().split(" as ")[0]).filter(Boolean).join(", ")}];`);
  const modules = bundle.split(/^(?=\/\/ \S+\.[cm]?[jt]s\n)/m);
  const isOpenapiFetch = (module: string) => /^\/\/ \S*node_modules\/openapi-fetch\//.test(module);
  const ofClient = (module: string) => /^\/\/ (?:src|dist)\//.test(module);

  const codedModules = modules.map((module) => (ofClient(module) ? codeMessages(module) : { text: module, count: 0 }));
  const coded = codedModules.map((module) => module.text).join("");
  const whole = await gzipped(bundle);
  const withCodedMessages = await gzipped(coded);
  return {
    whole,
    openapiFetch: whole - (await gzipped(modules.filter((module) => !isOpenapiFetch(module)).join(""))),
    messages: whole - withCodedMessages,
    messageCount: codedModules.reduce((sum, module) => sum + module.count, 0),
    withCodedMessages,
  };
}

/** The module with each message literal, and each message part of a template, made a two-character code (`E1`, …). */
function codeMessages(module: string): { text: string; count: number } {
  const source = ts.createSourceFile("module.js", module, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const edits: [start: number, end: number, text: string][] = [];
  const code = () => `E${(edits.length + 1).toString(36)}`;
  const visit = (node: TypeScript.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && isMessage(node.text)) {
      edits.push([node.getStart(source), node.getEnd(), JSON.stringify(code())]);
    } else if ((ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && isMessage(node.text)) {
      // A template keeps its `${…}` parts: only the words between them go.
      edits.push([node.getStart(source), node.getEnd(), `${ts.isTemplateHead(node) ? "`" : "}"}${code()}${ts.isTemplateTail(node) ? "`" : "${"}`]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let text = module;
  for (const [start, end, replacement] of [...edits].reverse()) text = text.slice(0, start) + replacement + text.slice(end);
  return { text, count: edits.length };
}
