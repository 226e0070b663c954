import { describe, expect, it } from "vitest";
import { canonicalId } from "../../../src/util/ids.js";

describe("canonicalId", () => {
  it("takes ids in any case and gives the project's spelling", () => {
    expect(canonicalId("chg-0003", ["CHG-0001", "CHG-0003"])).toBe("CHG-0003");
    expect(canonicalId("t2", ["T1", "T2"])).toBe("T2");
    expect(canonicalId("UNIX", ["unix", "network"])).toBe("unix");
  });

  it("prefers the exact spelling, refuses an ambiguous or unknown one", () => {
    expect(canonicalId("Web", ["web", "Web"])).toBe("Web");
    expect(canonicalId("WEB", ["web", "Web"])).toBeUndefined();
    expect(canonicalId("CHG-0009", ["CHG-0001"])).toBeUndefined();
  });
});
