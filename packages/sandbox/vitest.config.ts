import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test files share their worker and the modules it loaded, instead of a fresh
    // process each: none mocks a module or leaves a global stubbed (problem-examples holds
    // the clock for one test, and restores it), and the fresh processes cost
    // about half of the tests' CPU (CONTRIBUTING.md, "Test time").
    isolate: false,
    // Tests start real servers and move real bytes; CI machines have 2 busy cores.
    testTimeout: 30_000,
    // beforeAll hooks start servers and upload fixtures: the same budget as a test.
    hookTimeout: 30_000,
  },
});
