import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Some tests spawn the generator or a server; CI machines have 2 busy cores.
    testTimeout: 120_000,
  },
});
