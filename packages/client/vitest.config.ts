import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test files share their worker and the modules it loaded, instead of a fresh
    // process each: none stubs a global or mocks a module, and the fresh processes cost
    // about half of the tests' CPU (CONTRIBUTING.md, "Test time").
    isolate: false,
    // Tests start the sandbox, fault servers and chromium; CI machines have 2 busy cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
