import { describe, expect, it } from "vitest";
import { compareVersions, parseVersionConstraint, satisfies, type VersionConstraint } from "../../../src/domain/arch/version.js";

function constraint(text: string): VersionConstraint {
  const parsed = parseVersionConstraint(text);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
}

describe("compareVersions", () => {
  it("compares dotted parts as numbers, not as text", () => {
    expect(compareVersions("8.0.10", "8.0.9")).toBeGreaterThan(0);
    expect(compareVersions("2016", "2019")).toBeLessThan(0);
    expect(compareVersions("15.4", "15.10")).toBeLessThan(0);
  });
  it("counts missing parts as zero", () => {
    expect(compareVersions("15", "15.0")).toBe(0);
    expect(compareVersions("15.0.1", "15")).toBeGreaterThan(0);
  });
  it("puts a pre-release before its release", () => {
    expect(compareVersions("1.0-rc1", "1.0")).toBeLessThan(0);
    expect(compareVersions("1.0-rc1", "1.0-rc2")).toBeLessThan(0);
    expect(compareVersions("1.0", "1.0.1")).toBeLessThan(0);
  });
});

describe("version constraints", () => {
  it("reads the operators", () => {
    expect(satisfies("2016", constraint("<2019"))).toBe(true);
    expect(satisfies("2019", constraint("<2019"))).toBe(false);
    expect(satisfies("2019", constraint("<=2019"))).toBe(true);
    expect(satisfies("8.0.3", constraint(">=8.0.3"))).toBe(true);
    expect(satisfies("8.0.2", constraint(">=8.0.3"))).toBe(false);
    expect(satisfies("15.4", constraint("15.4.0"))).toBe(true);
    expect(satisfies("15.4", constraint("!=15.4"))).toBe(false);
    expect(satisfies("16", constraint("> 15.4"))).toBe(true);
  });
  it("joins several with commas: all must hold", () => {
    const range = constraint(">=8.0,<8.0.35");
    expect(satisfies("8.0.34", range)).toBe(true);
    expect(satisfies("8.0.35", range)).toBe(false);
    expect(satisfies("7.4", range)).toBe(false);
  });
  it("explains what it cannot read", () => {
    expect(parseVersionConstraint("<<2019")).toMatch(/is not a version constraint/);
    expect(parseVersionConstraint("")).toMatch(/is not a version constraint/);
  });
});

describe("tam arch graph shows product and version", () => {
  it("carries them on the node, null when not declared", async () => {
    const { buildArchGraph } = await import("../../../src/domain/arch/graph.js");
    const graph = buildArchGraph({
      components: [
        { id: "dc", name: "Domain controller", kind: "windows-server", product: "Windows Server", version: "2016" },
        { id: "net", name: "LAN", kind: "network" },
      ],
      departments: [],
    });
    expect(graph.nodes.map((n) => [n.id, n.product, n.version])).toEqual([
      ["dc", "Windows Server", "2016"],
      ["net", null, null],
    ]);
  });
});
