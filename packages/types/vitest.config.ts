import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test files share their worker and the modules it loaded, instead of a fresh
    // process each: none stubs a global or mocks a module, and the fresh processes cost
    // about half of the tests' CPU (CONTRIBUTING.md, "Test time").
    isolate: false,
    // One test spawns the generator (about 1.3 s at a load average of 9 on 2 cores).
    testTimeout: 30_000,
  },
});
