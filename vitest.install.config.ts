import { defineConfig } from "vitest/config";

// The install tier (test/install): tam installed the ways clients install it (git URL, tarball,
// GitHub Action, GitLab template, pre-commit) from local stand-ins. Slow (npm installs), so it is
// not in `npm test`; .ci/run runs it with `npm run test:install`.
export default defineConfig({
  test: {
    include: ["test/install/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
  },
});
