import { describe, expect, it } from "vitest";
import { fittedTable } from "../../../src/format/table-width.js";

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
    const natural = fittedTable(head, rows, undefined);
    expect(natural.split("\n")).toHaveLength(7); // borders, head, and one line per row
    expect(fittedTable(head, rows, widest(natural))).toBe(natural);
  });

  it("narrows the widest columns first, to exactly the room there is", () => {
    const prose = [["INC-0001", "word ".repeat(11).trim(), "other ".repeat(13).trim()]];
    // Column widths (padding included) from the top border: ┌──────────┬───…┬───…┐
    const widths = (text: string) =>
      text
        .split("\n")[0]!
        .slice(1, -1)
        .split("┬")
        .map((part) => part.length);
    const natural = widths(fittedTable(["id", "x", "y"], prose, undefined));
    const fitted = widths(fittedTable(["id", "x", "y"], prose, 100));
    expect(natural.reduce((a, b) => a + b, 0) + 4).toBeGreaterThan(100);
    expect(fitted[0]).toBe(natural[0]);
    expect(fitted.reduce((a, b) => a + b, 0) + 4).toBe(100);
    expect(Math.abs(fitted[1]! - fitted[2]!)).toBeLessThanOrEqual(1);
  });

  for (const width of [60, 80, 100, 120]) {
    it(`a table on a ${width}-column terminal is at most ${width} wide, and keeps every word`, () => {
      const text = fittedTable(head, rows, width);
      expect(widest(text)).toBeLessThanOrEqual(width);
      for (const word of ["INC-0035", "Promo", "wired", "capacity"]) expect(text).toContain(word);
    });
  }

  it("ignores colour codes when measuring cells", () => {
    // 15 columns wide as seen; 25 if the colour codes counted, and below 90 a table that does not fit is stacked.
    const text = fittedTable(["a", "b"], [["\u001b[31mred\u001b[39m", "plain"]], 20);
    expect(text).toBe(fittedTable(["a", "b"], [["\u001b[31mred\u001b[39m", "plain"]], undefined));
    expect(widest(text)).toBe(15);
    expect(text).toContain("\u001b[31mred\u001b[39m");
  });
});
