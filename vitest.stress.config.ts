import { defineConfig } from "vitest/config";
import { makeRunTmp } from "./test/helpers/run-tmp.js";

/** Every temporary folder of the run is made inside this one, removed when the run ends (test/helpers/run-tmp.ts). */
const runTmp = makeRunTmp("tam-stress-run-");

// The stress tier (test/stress): 80 concurrent writer processes and a kill -9 loop against the
// write transaction. About a minute of both cores, so it is not in `npm test`; .ci/run runs it on
// every submission with `npm run test:stress`.
export default defineConfig({
  test: {
    include: ["test/stress/**/*.test.ts"],
    testTimeout: 900_000,
    hookTimeout: 600_000,
    env: { TMPDIR: runTmp },
    globalSetup: ["test/helpers/run-tmp.ts"],
    maxWorkers: 1,
  },
});
