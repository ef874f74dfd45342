import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Most tests spawn the CLI and wait on it: each owns its files and folders, so they
    // run side by side within a file too.
    sequence: { concurrent: true },
    // CI machines have 2 busy cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
