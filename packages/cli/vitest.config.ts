import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test files share their worker and the modules it loaded, instead of a fresh
    // process each: none stubs a global or mocks a module, and the fresh processes cost
    // about half of the tests' CPU (CONTRIBUTING.md, "Test time").
    isolate: false,
    // The workspaces' builds are plain ES modules: Node loads them as they are, where vitest
    // would transform them as sources (they resolve outside node_modules/): 0.4-0.9 CPU s less.
    server: { deps: { external: [/\/packages\/(client|sandbox|types)\/dist\//] } },
    // Tests wait on the CLI (run in-process, or spawned where only a process shows it) and
    // the sandbox: each owns its files and folders, so they run side by side within a file
    // too, three at a time (turbo runs the other packages' tests beside these on 2 cores).
    sequence: { concurrent: true },
    maxConcurrency: 3,
    // A safety net, not a measure: on 2 cores shared with the other packages' tests, a
    // spawned node can take seconds to start.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
