import { describe, expect, it } from "vitest";
import { closest, didYouMean } from "../../../src/util/suggest.js";

describe("did you mean", () => {
  it("suggests a near miss and nothing for a far one", () => {
    expect(didYouMean("netwrok", ["network", "unix"])).toBe('did you mean "network"?');
    expect(closest("database", ["network", "unix"])).toBeUndefined();
  });

  it("skips candidates that are not text (ids from files that failed validation; found by the fuzz run, seed 88)", () => {
    const candidates = [123, null, ["a"], "network"] as unknown as string[];
    expect(closest("netwrok", candidates)).toBe("network");
  });
});
