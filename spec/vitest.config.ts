import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test files share their worker and the modules it loaded, instead of a fresh
    // process each: none stubs a global or mocks a module, and the fresh processes cost
    // about half of the tests' CPU (CONTRIBUTING.md, "Test time").
    isolate: false,
    // Some tests spawn the generator or a server; CI machines have 2 busy cores.
    testTimeout: 30_000,
  },
});
