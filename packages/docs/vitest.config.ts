import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The tests build the site, drive a real chromium and start the sandbox; CI machines
    // have 2 busy cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
