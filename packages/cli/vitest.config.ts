import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Most tests spawn the CLI and wait on it: each owns its files and folders, so they
    // run side by side within a file too, three at a time (turbo runs the other
    // packages' tests beside these on 2 cores).
    sequence: { concurrent: true },
    maxConcurrency: 3,
    // CI machines have 2 busy cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
