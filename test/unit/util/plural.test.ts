import { describe, expect, it } from "vitest";
import { count, plural, pluralOf } from "../../../src/util/plural.js";

describe("plural", () => {
  it("writes the regular English plurals", () => {
    expect(["incident", "breach", "box", "day", "dependency", "person", "open incident", "change", "status"].map(pluralOf)).toEqual([
      "incidents",
      "breaches",
      "boxes",
      "days",
      "dependencies",
      "people",
      "open incidents",
      "changes",
      "statuses",
    ]);
  });

  it("uses the singular for exactly one and the plural for zero and many", () => {
    expect([0, 1, 2].map((n) => count(n, "breach"))).toEqual(["0 breaches", "1 breach", "2 breaches"]);
    expect(plural(1, "was", "were")).toBe("was");
    expect(plural(2, "was", "were")).toBe("were");
  });
});
