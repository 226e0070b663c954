// In the bundle (dist/tam-cli.cjs, scripts/build-bundle.mjs) every module's import.meta.url is the
// bundle's own URL, so a path taken relative to a module's own folder would point elsewhere there
// than in dist/. Paths of the package go through src/version.ts (which sits beside the bundle);
// launch.ts is not bundled.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "../../helpers/source-files.js";

const MAY_USE_OWN_URL = new Set(["version.ts", "launch.ts"]);

describe("paths in the bundle", () => {
  const files = sourceFiles(SRC).map((path) => ({ rel: relative(SRC, path), text: readFileSync(path, "utf8") }));

  it("no module but version.ts and launch.ts makes a URL from its own import.meta.url", () => {
    const offenders = files.filter(({ rel, text }) => !MAY_USE_OWN_URL.has(rel) && /new URL\([^)]*import\.meta\.url/.test(text)).map(({ rel }) => rel);
    expect(offenders).toEqual([]);
  });

  it("createRequire(import.meta.url) loads packages by name, never a relative file", () => {
    const offenders = files.flatMap(({ rel, text }) => (/createRequire\(import\.meta\.url\)/.test(text) && /\brequire\(\s*["'`]\.\.?\//.test(text) ? [rel] : []));
    expect(offenders).toEqual([]);
  });
});
