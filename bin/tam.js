#!/usr/bin/env node
// Thin shim: all wiring lives in src/cli.ts (compiled to dist/cli.js).
import module from "node:module";

// Node 22.1+ keeps compiled code of tam and its dependencies on disk between runs (a large share
// of a short command's time is compiling modules); older Node has no such cache and skips this.
module.enableCompileCache?.();
const { main } = await import("../dist/cli.js");

main(process.argv).then((code) => {
  process.exitCode = code;
});
