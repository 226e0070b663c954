// The read path is two readers (docs/architecture.md, "Reading the project fast"): the `yaml`
// package and tam's fast reader. Checked over src/'s real text, so a third reader, generated code
// or a reach into a dependency's files fails here.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "../../helpers/source-files.js";

const files = sourceFiles(SRC).map((path) => ({ rel: relative(SRC, path), text: readFileSync(path, "utf8") }));

/** An import or require of a bare package name with a path after it ("pkg/src/x.js", "@scope/pkg/x"). */
const DEEP_IMPORT = /(?:from\s+|require\(\s*|import\(\s*)["'](?![./]|node:)((?:@[^/"']+\/)?[^/"']+)\/[^"']+["']/;

describe("the read path", () => {
  it("no source file imports js-yaml (the yaml package is the one other reader)", () => {
    expect(files.filter((f) => /["']js-yaml["']/.test(f.text)).map((f) => f.rel)).toEqual([]);
  });

  it("no source file generates code at run time (new Function, eval)", () => {
    expect(files.filter((f) => /\bnew Function\s*\(|\beval\s*\(/.test(f.text)).map((f) => f.rel)).toEqual([]);
  });

  it("no source file imports a path inside another package's folder", () => {
    // ajv's draft 2020-12 class is published at this path (ajv's docs: `require("ajv/dist/2020")`).
    const documented = (text: string) => text.replace(/require\("ajv\/dist\/2020\.js"\)|import\("ajv\/dist\/2020\.js"\)/g, "");
    const deep = files.filter((f) => DEEP_IMPORT.test(documented(f.text))).map((f) => f.rel);
    expect(deep).toEqual([]);
    // The check can fail: a deep import is found where one is written.
    expect(DEEP_IMPORT.test('import { x } from "cli-table3/src/utils.js";')).toBe(true);
    expect(DEEP_IMPORT.test('import { parse } from "yaml";')).toBe(false);
  });
});
