// Read commands start without ICU's collator (docs/benchmarks.md): strings are ordered with
// compareText, and zone offsets come through src/domain/zone.ts, one formatter per zone. A new
// localeCompare or Intl.DateTimeFormat elsewhere would bring that start-up cost to the command that reaches it.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "../../helpers/source-files.js";

/** Where each use stays, and why. */
const ALLOWED: Record<string, RegExp> = {
  // The fallback for what code units cannot order (another locale, non-ASCII text).
  "model/text-order.ts": /\.localeCompare\(/,
  // Numeric order of task refs ("T2" before "T10"): drawn and reported tables, not a read on start.
  "format/plan/gantt.ts": /\.localeCompare\(b\.ref, undefined, \{ numeric: true \}\)/,
  "domain/report/build.ts": /\.localeCompare\(b\.id, undefined, \{ numeric: true \}\)/,
  // The zone math: one formatter per zone, cached.
  "domain/zone.ts": /new Intl\.DateTimeFormat\(/,
  // A zone name that is not canonical is checked by Intl (aliases, invalid names).
  "domain/dates.ts": /new Intl\.DateTimeFormat\(/,
  // The machine's zone as the default answer of the interactive `tam init`.
  "app/init-answers.ts": /Intl\.DateTimeFormat\(\)/,
};

describe("ICU on the read path", () => {
  it("localeCompare and Intl.DateTimeFormat are used only where listed", () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const rel = relative(SRC, file).replaceAll("\\", "/");
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*)/.test(line) || !/localeCompare\(|Intl\.DateTimeFormat\(|Intl\.Collator\(/.test(line)) return;
          if (!ALLOWED[rel]?.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
