import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";
export default mergeConfig(base, defineConfig({ test: { setupFiles: ["/tmp/i13/cpu-setup.ts"], maxWorkers: 1, maxConcurrency: 1 } }));
