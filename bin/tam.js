#!/usr/bin/env node
// Thin shim: all wiring lives in src/cli.ts (compiled to dist/cli.js).
import { main } from "../dist/cli.js";

main(process.argv).then((code) => {
  process.exitCode = code;
});
