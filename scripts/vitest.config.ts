import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test files share their worker and the modules it loaded, instead of a fresh
    // process each: none stubs a global or mocks a module, and the fresh processes cost
    // about half of the tests' CPU (scripts/test/README.md, "Where the test time goes").
    isolate: false,
    // The gate spawns Redocly and the generator; CI machines have 2 busy cores.
    testTimeout: 30_000,
    // The gate's end-to-end cases run concurrently (each gate run already runs its tools in
    // parallel): two at a time fill 2 cores; more only starve the other packages' tests.
    maxConcurrency: 2,
  },
});
