import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { makeRunTmp } from "./test/helpers/run-tmp.js";

/** Every temporary folder of the run is made inside this one, removed when the run ends (test/helpers/run-tmp.ts). */
const runTmp = makeRunTmp("tam-test-run-");

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The install tier is slow (npm installs): `npm run test:install` (vitest.install.config.ts);
    // the stress tier (concurrent writers, kill -9 loop) takes a minute of both cores: `npm run test:stress`.
    exclude: ["test/install/**", "test/stress/**", "**/node_modules/**"],
    testTimeout: 60_000,
    // End-to-end tests spawn processes; two workers suit the 2-core machines.
    maxWorkers: 2,
    // The test files share their worker's modules (no fresh module graph per file, and one in-process
    // tam worker for all: test/helpers/run.ts): about half the suite's CPU time. A file
    // that mocks a module loads what it tests afresh (vi.resetModules: test/unit/project/write.test.ts);
    // what a file sets in process.env is put back after it (test/helpers/restore-env.ts).
    isolate: false,
    setupFiles: ["test/helpers/restore-env.ts"],
    // The tam processes the tests start keep their V8 code caches here, not in the user's cache folder
    // (on a Node other than the build's, the shipped caches do not fit and tam writes its own: src/launch.ts).
    env: { TMPDIR: runTmp, XDG_CACHE_HOME: join(runTmp, "cache") },
    globalSetup: ["test/helpers/run-tmp.ts"],
  },
});
