import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One test spawns the generator (about 1.3 s at a load average of 9 on 2 cores).
    testTimeout: 30_000,
  },
});
