import { describe, expect, it } from "vitest";
import { canonicalJson, diffComponents } from "../../../src/domain/freshness/component-diff.js";
import type { ComponentValue } from "../../../src/domain/freshness/types.js";

const version = (components: Record<string, Record<string, unknown>>): Map<string, ComponentValue> =>
  new Map(Object.entries(components).map(([id, value]) => [id, { content: canonicalJson(value), value }]));

describe("diffComponents", () => {
  const fw = { name: "Firewall", kind: "firewall", instances: 2 };
  const vlan = { name: "VLAN", kind: "vlan", depends_on: ["fw"] };

  it("ignores key order, and reports a deleted field as a change", () => {
    expect(diffComponents(version({ fw }), version({ fw: { instances: 2, kind: "firewall", name: "Firewall" } }))).toEqual({ changed: [], added: [], removed: [], renamed: [] });
    expect(diffComponents(version({ fw: { ...fw, backed_up: true } }), version({ fw })).changed).toEqual(["fw"]);
  });

  it("finds renames by content and by kind and name, and does not count references that follow the rename", () => {
    const renamed = diffComponents(version({ fw, vlan }), version({ "core-fw": fw, vlan: { ...vlan, depends_on: ["core-fw"] } }));
    expect(renamed).toEqual({ changed: [], added: [], removed: [], renamed: [{ from: "fw", to: "core-fw" }] });
    const edited = diffComponents(version({ fw }), version({ "core-fw": { ...fw, instances: 4 } }));
    expect(edited.renamed).toEqual([{ from: "fw", to: "core-fw" }]);
    const unrelated = diffComponents(version({ fw }), version({ lb: { name: "LB", kind: "lb" } }));
    expect(unrelated).toEqual({ changed: [], added: ["lb"], removed: ["fw"], renamed: [] });
  });

  it("canonicalJson sorts keys at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":2,"y":1}]},"b":1}');
  });
});
