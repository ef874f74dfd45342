import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests spawn the CLI against the sandbox, and one runs it in tmux; CI machines have 2 busy cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
