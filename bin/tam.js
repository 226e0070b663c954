#!/usr/bin/env node
// Thin shim: how the CLI is loaded (a bundle from a code cache) is src/launch.ts, the wiring src/cli.ts.
import { launch } from "../dist/launch.js";

launch(process.argv).then((code) => {
  process.exitCode = code;
});
