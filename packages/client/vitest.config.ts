import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests start the sandbox, fault servers and chromium; CI machines have 2 busy cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
