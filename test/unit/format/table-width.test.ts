import { describe, expect, it } from "vitest";
import { fitColumns, fittedTable } from "../../../src/format/table-width.js";

const widest = (text: string) =>
  Math.max(
    ...text
      .replace(/\u001b\[[0-9;]*m/g, "")
      .split("\n")
      .map((line) => [...line].length),
  );
const rows = [
  ["INC-0035", "P3", "Promo banners on the home page do not update after a CMS publish", "configuration: The nginx proxy cache for /promo had a 7-day TTL and the purge hook was never wired in."],
  ["INC-0057", "P2", "Shop admin panel very slow", "capacity"],
];
const head = ["id", "priority", "title", "cause"];

describe("tables that fit the terminal", () => {
  it("keeps natural widths when the width is unknown (not a terminal) or the table fits", () => {
    expect(fitColumns([10, 20, 30], undefined)).toBeUndefined();
    expect(fitColumns([10, 20, 30], 64)).toBeUndefined();
    expect(fittedTable(head, rows, undefined).split("\n")).toHaveLength(7); // borders, head, and one line per row
  });

  it("narrows the widest columns first, to exactly the room there is", () => {
    const widths = fitColumns([10, 40, 60], 81)!;
    expect(widths[0]).toBe(10);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(81 - 4);
    expect(Math.abs(widths[1]! - widths[2]!)).toBeLessThanOrEqual(1);
  });

  for (const width of [60, 80, 100, 120]) {
    it(`a table on a ${width}-column terminal is at most ${width} wide, and keeps every word`, () => {
      const text = fittedTable(head, rows, width);
      expect(widest(text)).toBeLessThanOrEqual(width);
      for (const word of ["INC-0035", "Promo", "wired", "capacity"]) expect(text).toContain(word);
    });
  }

  it("ignores colour codes when measuring cells", () => {
    expect(fitColumns([12, 12], 27)).toBeUndefined();
    const text = fittedTable(["a", "b"], [["\u001b[31mred\u001b[39m", "plain"]], 40);
    expect(text).toContain("\u001b[31mred\u001b[39m");
  });
});
