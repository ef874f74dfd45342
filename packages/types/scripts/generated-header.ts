/** The first line of every generated file: says it is generated, and how to regenerate it. */
export const generatedHeader =
  "// Generated from spec/ by packages/types/scripts/generate.ts. Do not edit: run `npm run generate`.\n";
