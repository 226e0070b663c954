#!/usr/bin/env node
// Thin shim: how the CLI is loaded (a bundle from a code cache) is src/launch.ts, the wiring src/cli.ts.
// CommonJS (bin/package.json): an ES module entry starts node's ES module loader before tam's first
// line. The build makes dist/launch.cjs beside the bundle; without them (no esbuild), dist/launch.js.
let launcher;
try {
  launcher = require("../dist/launch.cjs");
} catch (error) {
  if (error?.code !== "MODULE_NOT_FOUND") throw error;
}
(launcher ? Promise.resolve(launcher) : import("../dist/launch.js"))
  .then(({ launch }) => launch(process.argv))
  .then((code) => {
    process.exitCode = code;
  });
