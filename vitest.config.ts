import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The install tier is slow (npm installs): `npm run test:install` (vitest.install.config.ts).
    exclude: ["test/install/**", "**/node_modules/**"],
    testTimeout: 60_000,
    // End-to-end tests spawn processes; two workers suit the 2-core machines.
    maxWorkers: 2,
  },
});
