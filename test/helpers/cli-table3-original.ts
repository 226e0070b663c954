// cli-table3's own utils, untouched by tam's patches: what the table tests compare tam's faster
// replacements with.
import { createRequire } from "node:module";

export type CliTable3Utils = {
  strlen: (text: string) => number;
  truncate: (text: string, desired: number, char?: string) => string;
  wordWrap: (maxLength: number, input: string, wrapOnWordBoundary?: boolean) => string[];
};

/** A fresh copy of cli-table3's utils: the one tam's table module patched is not the original any more. */
export function pristineUtils(): CliTable3Utils {
  const require = createRequire(import.meta.url);
  const path = require.resolve("cli-table3/src/utils.js");
  const cached = require.cache[path];
  delete require.cache[path];
  try {
    return require(path) as CliTable3Utils;
  } finally {
    if (cached) require.cache[path] = cached;
  }
}
