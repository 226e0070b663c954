// knip (npm run lint:unused, in CI after the lint): files nothing imports, exports nothing imports,
// dependencies nothing uses. The entries are what runs without being imported; knip finds the rest.
// bin/tam.js and src/index.ts (the library) it reads from package.json's "bin" and "main".
import type { KnipConfig } from "knip";

const config: KnipConfig = {
  entry: [
    // The CLI's wiring, loaded by the launcher (src/launch.ts) and bundled from dist/cli.js.
    "src/cli.ts!",
    "src/launch.ts!",
    // Started as a worker thread by its file's URL (src/app/portfolio-pool.ts).
    "src/app/portfolio-worker.ts!",
    // Run by hand or by npm scripts, some only now and then (release, screenshots, the walkthrough).
    "scripts/**/*.mjs!",
    // Loaded by path, not imported: worker threads (test/helpers/run.ts, in-process.ts) and the
    // --import / --require hooks of the start-up tests (test/e2e/startup.test.ts, launch.test.ts).
    "test/helpers/*worker*.mjs",
    "test/helpers/record-imports*.mjs",
    "test/helpers/record-required.cjs",
    "test/helpers/count-date-formats.cjs",
    "test/**/*.test.ts",
  ],
  // `!`: what ships; `knip --production` then names the exports only the tests use.
  project: ["bin/**/*.js!", "src/**/*.ts!", "scripts/**/*.mjs!", "test/**/*.{ts,mjs,cjs}"],
  // A type used in its own file is part of an exported function's signature (a use case's request
  // or result): exported so that callers can name it.
  ignoreExportsUsedInFile: { interface: true, type: true },
};

export default config;
