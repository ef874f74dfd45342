import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test files share their worker and the modules it loaded, instead of a fresh
    // process each: none stubs a global or mocks a module, and the fresh processes cost
    // about half of the tests' CPU (CONTRIBUTING.md, "Test time").
    isolate: false,
    // Two workers: the tests mostly wait (stalls, timeouts, retries' backoff on real
    // sockets), about 12 CPU s in 29 s alone with one; with two, 16 s for the same CPU, and
    // npm test's run no longer ends on this package's waits.
    maxWorkers: 2,
    // Tests start the sandbox, fault servers and chromium; CI machines have 2 busy cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
