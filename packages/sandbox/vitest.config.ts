import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests start real servers and move real bytes; CI machines have 2 busy cores.
    testTimeout: 30_000,
    // beforeAll hooks start servers and upload fixtures: the same budget as a test.
    hookTimeout: 30_000,
  },
});
