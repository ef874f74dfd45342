import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The gate spawns Redocly and the generator; CI machines have 2 busy cores.
    testTimeout: 30_000,
  },
});
