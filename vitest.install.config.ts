import { defineConfig } from "vitest/config";
import { makeRunTmp } from "./test/helpers/run-tmp.js";

/** Every temporary folder of the run is made inside this one, removed when the run ends (test/helpers/run-tmp.ts). */
const runTmp = makeRunTmp("tam-install-run-");

// The install tier (test/install): tam installed the ways clients install it (git URL, tarball,
// GitHub Action, GitLab template, pre-commit) from local stand-ins. Slow (npm installs), so it is
// not in `npm test`; .ci/run runs it with `npm run test:install`.
export default defineConfig({
  test: {
    include: ["test/install/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    env: { TMPDIR: runTmp },
    globalSetup: ["test/helpers/run-tmp.ts"],
    maxWorkers: 2,
  },
});
