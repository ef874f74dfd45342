import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Most tests spawn the CLI and wait on it: each owns its files and folders, so they
    // run side by side within a file too, three at a time (turbo runs the other
    // packages' tests beside these on 2 cores).
    sequence: { concurrent: true },
    maxConcurrency: 3,
    // A safety net, not a measure: on 2 cores shared with the other packages' tests, a
    // spawned node can take seconds to start, and a test spawns up to four.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
