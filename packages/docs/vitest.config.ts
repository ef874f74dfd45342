import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test files share their worker and the modules it loaded, instead of a fresh
    // process each: none stubs a global or mocks a module, and the fresh processes cost
    // about half of the tests' CPU (CONTRIBUTING.md, "Test time").
    isolate: false,
    // The temporary folder of the reference that build.test.ts and browser.test.ts share.
    globalSetup: ["test/support/site-folder.ts"],
    // The tests build the site, drive a real chromium and start the sandbox; CI machines
    // have 2 busy cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
