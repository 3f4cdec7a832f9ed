import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
    testTimeout: 60_000,
    // One throwaway PostgreSQL server for the run: the PostgreSQL store and the workers are tested on it.
    globalSetup: ["test/pg-global-setup.ts"],
  },
});
