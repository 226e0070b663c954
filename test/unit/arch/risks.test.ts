import { describe, expect, it } from "vitest";
import { assessRisks, type RiskInput } from "../../../src/domain/arch/risks.js";
import { buildArchGraph, transitiveDependents } from "../../../src/domain/arch/graph.js";
import type { Change, Component, Incident } from "../../../src/model/files.js";

const base = (parts: Partial<RiskInput>): RiskInput => ({ components: [], departments: [], changes: [], incidents: [], today: "2026-11-20", ...parts });
const ids = (input: RiskInput) => assessRisks(input).map((r) => `${r.severity} ${r.id}`);
const comp = (id: string, extra: Partial<Component> = {}): Component => ({ id, name: id.toUpperCase(), kind: "application", monitored: true, ...extra });
const incident = (id: string, opened: string, component: string, category: "capacity" | "software", priority: "P1" | "P2" = "P2"): Incident => ({
  id,
  title: id,
  priority,
  components: [component],
  opened: `${opened}T10:00:00+03:00`,
  status: "closed",
  cause: { category },
});

describe("single points of failure", () => {
  it("names a declared single instance, severity from criticality, with the reason", () => {
    const risks = assessRisks(base({ components: [comp("pg", { kind: "postgresql", instances: 1, criticality: "critical", backed_up: true }), comp("app", { depends_on: ["pg"], instances: 2 })] }));
    expect(risks.map((r) => r.id)).toEqual(["spof:pg"]);
    expect(risks[0]!.severity).toBe("high");
    expect(risks[0]!.argument).toContain("runs as a single instance and its criticality is critical");
    expect(risks[0]!.rule).toBe("two-of-everything");
    expect(risks[0]!.argument).not.toContain("Two of everything");
    expect(risks[0]!.argument).toContain("1 component depends on it directly or indirectly (app)");
    expect(risks[0]!.suggestion).toMatch(/replica/);
  });

  it("treats unset instances as one and says so, at a lower severity", () => {
    const risks = assessRisks(base({ components: [comp("fw", { kind: "firewall", criticality: "critical" })] }));
    expect(risks.map((r) => `${r.severity} ${r.id}`)).toEqual(["low spof:fw"]);
    expect(risks[0]!.argument).toContain("does not say how many instances fw");
    // the severity word and the criticality are not confused: it says why a critical component is a low risk
    expect(risks[0]!.argument).toContain("its criticality is critical; the risk stays low until the count is declared");
    expect(risks[0]!.suggestion).toContain("record `instances`");
  });

  it("ignores unimportant components with undeclared instances and redundant ones", () => {
    expect(ids(base({ components: [comp("a", { criticality: "low" }), comp("b", { criticality: "critical", instances: 2 })] }))).toEqual([]);
  });

  it("names a component many others depend on transitively, even of low criticality", () => {
    const components = [
      comp("vlan", { kind: "vlan", criticality: "low" }),
      comp("vm", { depends_on: ["vlan"], instances: 2 }),
      comp("os", { depends_on: ["vm"], instances: 2 }),
      comp("web", { depends_on: ["os"], instances: 2, criticality: "critical" }),
    ];
    expect(transitiveDependents(components).get("vlan")).toEqual(["os", "vm", "web"]);
    const [risk] = assessRisks(base({ components }));
    expect(risk).toMatchObject({ id: "spof:vlan", severity: "medium" });
    expect(risk!.argument).toContain("3 components depend on it directly or indirectly (os, vm and web)");
  });

  it("skips test and development components", () => {
    expect(ids(base({ components: [comp("t", { instances: 1, criticality: "critical", environment: "test" })] }))).toEqual([]);
  });
});

describe("monitoring and backup", () => {
  const doneTask = (kind: "monitoring" | "backup", component: string, status: "done" | "in-progress" = "done"): Change => ({
    id: "CHG-1",
    title: "c",
    type: "normal",
    scope: [],
    status: "in-progress",
    tasks: [{ id: "T1", title: "t", department: "d", kind, components: [component], status }],
  });

  it("reports monitored: false by criticality and unset one step lower", () => {
    const components = [comp("a", { monitored: false, criticality: "high", instances: 2 }), comp("b", { monitored: undefined, criticality: "high", instances: 2 })];
    expect(ids(base({ components }))).toEqual(["high no-monitoring:a", "medium no-monitoring:b"]);
  });

  it("a done monitoring task covers the component; an unfinished one does not", () => {
    const components = [comp("a", { monitored: false, criticality: "high", instances: 2 })];
    expect(ids(base({ components, changes: [doneTask("monitoring", "a")] }))).toEqual([]);
    expect(ids(base({ components, changes: [doneTask("monitoring", "a", "in-progress")] }))).toEqual(["high no-monitoring:a"]);
  });

  it("asks for backup only of stateful kinds, widened by the manifest's followups", () => {
    const components = [
      comp("db", { kind: "mysql", backed_up: false, criticality: "medium", instances: 2 }),
      comp("fw", { kind: "firewall", backed_up: false, instances: 2 }),
      comp("q", { kind: "kafka", instances: 2 }),
    ];
    expect(ids(base({ components }))).toEqual(["medium no-backup:db"]);
    expect(ids(base({ components, followups: { backup: { kinds: ["kafka"] } } }))).toEqual(["medium no-backup:db", "low no-backup:q"]);
    expect(ids(base({ components, changes: [doneTask("backup", "db")] }))).toEqual([]);
  });
});

describe("recurring incidents", () => {
  const components = [comp("pg", { instances: 2 })];
  it("same component and cause twice within 180 days, with ids and dates", () => {
    const incidents = [incident("I-1", "2026-06-01", "pg", "capacity"), incident("I-2", "2026-09-01", "pg", "capacity"), incident("I-3", "2026-10-01", "pg", "software")];
    const risks = assessRisks(base({ components, incidents }));
    expect(risks.map((r) => `${r.severity} ${r.id}`)).toEqual(["medium recurring:pg:capacity"]);
    expect(risks[0]!.argument).toContain("I-1 (2026-06-01, P2), I-2 (2026-09-01, P2)");
  });

  it("three times or a P1 is high; older than 180 days or after today does not count", () => {
    expect(ids(base({ components, incidents: [incident("I-1", "2026-06-01", "pg", "capacity", "P1"), incident("I-2", "2026-09-01", "pg", "capacity")] }))).toEqual(["high recurring:pg:capacity"]);
    expect(
      ids(base({ components, incidents: [incident("I-1", "2026-05-24", "pg", "capacity"), incident("I-2", "2026-09-01", "pg", "capacity"), incident("I-3", "2026-11-21", "pg", "capacity")] })),
    ).toEqual([]);
    expect(
      ids(base({ components, incidents: [incident("I-1", "2026-05-25", "pg", "capacity"), incident("I-2", "2026-09-01", "pg", "capacity"), incident("I-3", "2026-11-20", "pg", "capacity")] })),
    ).toEqual(["high recurring:pg:capacity"]);
  });
});

describe("documentation", () => {
  const components = [comp("a", { criticality: "critical", instances: 2 }), comp("b", { criticality: "high", instances: 2 }), comp("c", { instances: 2 })];
  it("components no doc covers; nothing when docs are not given", () => {
    const docs = [{ id: "d1", title: "D", location: "x.md", owner: "o", covers: ["a"] }];
    expect(ids(base({ components, docs }))).toEqual(["medium docs-missing:b", "low docs-missing:c"]);
    expect(ids(base({ components }))).toEqual([]);
  });

  it("stale and broken docs from the docs module, fresh and due ignored", () => {
    const docStates = [
      { docId: "d1", state: "stale" as const, covers: ["a"] },
      { docId: "d2", state: "broken" as const, covers: ["c"] },
      { docId: "d3", state: "due" as const, covers: ["b"] },
      { docId: "d4", state: "fresh" as const, covers: ["b"] },
    ];
    const risks = assessRisks(base({ components, docStates }));
    expect(risks.map((r) => `${r.severity} ${r.id}`)).toEqual(["high docs-stale:d1", "medium docs-stale:d2"]);
    expect(risks[1]!.suggestion).toContain("Fix the location");
  });
});

describe("graph", () => {
  it("groups by owning department (unassigned last), sorted nodes and edges", () => {
    const graph = buildArchGraph({
      components: [comp("z", { kind: "vlan", depends_on: ["a"] }), comp("a", { kind: "vm" }), comp("x", { kind: "mystery", depends_on: ["z", "a", "a"] })],
      departments: [
        { id: "virt", name: "Virtualization", owns: ["vm"] },
        { id: "net", name: "Network", owns: ["vlan"] },
        { id: "idle", name: "Idle" },
      ],
    });
    expect(graph.departments).toEqual([
      { id: "net", name: "Network", components: ["z"] },
      { id: "virt", name: "Virtualization", components: ["a"] },
      { id: null, name: "No owning department", components: ["x"] },
    ]);
    expect(graph.nodes.map((n) => n.id)).toEqual(["a", "x", "z"]);
    expect(graph.edges).toEqual([
      { from: "x", to: "a" },
      { from: "x", to: "z" },
      { from: "z", to: "a" },
    ]);
  });

  it("sorts risks by severity then id, deterministically", () => {
    const components = [comp("b", { instances: 1, criticality: "low" }), comp("a", { instances: 1, criticality: "low" }), comp("c", { instances: 1, criticality: "critical" })];
    expect(ids(base({ components }))).toEqual(["high spof:c", "low spof:a", "low spof:b"]);
  });
});
