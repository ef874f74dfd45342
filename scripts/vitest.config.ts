import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test files share their worker and the modules it loaded, instead of a fresh
    // process each: none stubs a global or mocks a module, and the fresh processes cost
    // about half of the tests' CPU (CONTRIBUTING.md, "Test time").
    isolate: false,
    // The gate spawns Redocly and the generator; CI machines have 2 busy cores.
    testTimeout: 30_000,
    // The gate's end-to-end cases run concurrently (each gate run already runs its tools in
    // parallel): two at a time fill 2 cores; more only starve the other packages' tests.
    maxConcurrency: 2,
    // Two workers (vitest's default is one per core but one): the end-to-end file, a third
    // of this package's CPU and mostly in the processes it starts, runs beside the other
    // files instead of before or after them; this package's tests are npm test's longest.
    maxWorkers: 2,
  },
});
