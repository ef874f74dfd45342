/**
 * TypeScript's compiler API for the scripts that use it (the generator, the spec gate, the
 * workspace type check), required rather than imported. Imported from an ES module, a
 * CommonJS package is first scanned whole for its export names (Node's cjs-module-lexer):
 * about 0.4 s of CPU for TypeScript's 9 MB in every process that loads it (`npm run
 * generate`: 1.66 -> 0.98 CPU s; `spec:check`; the tests' workers). Required, it is only
 * loaded. Import `ts` (and the `TypeScript` namespace, for its types) from here, not
 * `typescript` itself.
 */
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";

export type { TypeScript };
export const ts: typeof TypeScript = createRequire(import.meta.url)("typescript");
