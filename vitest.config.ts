import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The install tier is slow (npm installs): `npm run test:install` (vitest.install.config.ts);
    // the stress tier (concurrent writers, kill -9 loop) takes a minute of both cores: `npm run test:stress`.
    exclude: ["test/install/**", "test/stress/**", "**/node_modules/**"],
    testTimeout: 60_000,
    // End-to-end tests spawn processes; two workers suit the 2-core machines.
    maxWorkers: 2,
  },
});
