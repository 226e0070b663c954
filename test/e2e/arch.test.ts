import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, EXAMPLE, runTam } from "../helpers/run.js";

interface RiskJson {
  id: string;
  kind: string;
  severity: string;
  components: string[];
  title: string;
  argument: string;
  suggestion: string;
}

const exampleIds = () => {
  const text = readFileSync(join(EXAMPLE, "architecture.yaml"), "utf8");
  return [...text.matchAll(/^ {2}- id: (\S+)/gm)].map((m) => m[1]!);
};

describe("tam arch risks on the example", () => {
  const result = runTam(["arch", "risks", "-C", EXAMPLE, "--as-of", "2026-11-20", "--format", "json"]);
  const json = JSON.parse(result.stdout) as { version: number; asOf: string; summary: Record<string, number>; risks: RiskJson[] };
  const byId = new Map(json.risks.map((r) => [r.id, r]));

  it("is advice: exit 0, nothing on stderr, a versioned shape", () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(json).toMatchObject({ version: 1, asOf: "2026-11-20" });
    expect(json.summary.high + json.summary.medium + json.summary.low).toBe(json.risks.length);
  });

  it("finds the single points of failure, each with its reason", () => {
    for (const id of ["san", "nas", "shop-pg", "db-vm", "erp-vm"]) {
      const risk = byId.get(`spof:${id}`);
      expect(risk, id).toBeDefined();
      expect(risk!.argument).toContain(`${id} (`);
      expect(risk!.argument).toContain("runs as a single instance");
      expect(risk!.suggestion.length).toBeGreaterThan(20);
    }
    expect(byId.get("spof:san")!.severity).toBe("high");
    expect(Number(/(\d+) components depend on it directly or indirectly/.exec(byId.get("spof:san")!.argument)?.[1])).toBeGreaterThanOrEqual(10);
    expect(byId.get("spof:db-vm")!.argument).toContain("shop-pg");
    // Redundant components are not named.
    for (const id of ["core-fw", "vmware-cluster", "web-vm", "lb"]) expect(byId.has(`spof:${id}`), id).toBe(false);
  });

  it("finds the recurring shop-pg capacity incidents with their ids and dates", () => {
    const risk = byId.get("recurring:shop-pg:capacity")!;
    expect(risk.severity).toBe("high");
    expect(risk.argument).toContain("INC-0002 (2026-08-06");
    expect(risk.argument).toContain("INC-0018 (2026-09-12");
    expect(risk.argument).toContain("INC-0047 (2026-11-07");
  });

  it("finds reporting-db without backup, nas without monitoring, and the coverage gaps", () => {
    expect(byId.get("no-backup:reporting-db")).toMatchObject({ kind: "no-backup", components: ["reporting-db"] });
    expect(byId.get("no-monitoring:nas")).toMatchObject({ kind: "no-monitoring" });
    expect(json.risks.filter((r) => r.kind === "docs-missing").map((r) => r.components[0])).toEqual(["erp-vm", "reporting-db"]);
    // A done monitoring task (CHG-0002 T6) covers waf.
    expect(byId.has("no-monitoring:waf")).toBe(false);
  });

  it("sorts by severity, then id", () => {
    const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
    const sorted = [...json.risks].sort((a, b) => rank[a.severity]! - rank[b.severity]! || (a.id < b.id ? -1 : 1));
    expect(json.risks.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
  });

  it("prints the same with the table and markdown formats", () => {
    const table = runTam(["arch", "risks", "-C", EXAMPLE, "--as-of", "2026-11-20"]);
    expect(table.code).toBe(0);
    // one line per kind and severity, the components listed; each rule quoted once
    // erp-vm's single point of failure is a risk the client accepted (REC-003, until 2027-03-31): on record, not in the table.
    expect(table.stdout).toMatch(/│ high +│ single point of failure +│ db-vm, san, shop-pg/);
    expect(table.stdout).toContain("spof:erp-vm: accepted by Elena Smirnova until 2027-03-31 (REC-003: A second host for the ERP connector)");
    expect(table.stdout).toContain("no-monitoring:office-vpn: to review with the client: accepted by Elena Smirnova until 2026-11-01, which has passed (REC-004: Watch the office VPN)");
    expect(table.stdout).toContain(
      "recurring:ddos-protection:security: accepted: carried out by CHG-0002 (in-progress, due 2026-11-30) (REC-001: Filter attacks on the web shop before they reach it)",
    );
    expect(table.stdout.split("On record")[0]).not.toContain("spof:shop-pg");
    expect(table.stdout).toContain(`${json.risks.length} risks as of 2026-11-20: ${json.summary.high} high`);
    expect(table.stdout.match(/Two of everything/g)).toHaveLength(1);
    expect(table.stdout.split("\n").length).toBeLessThan(120);
    expect(table.stdout).not.toMatch(/\u001b\[/);
    const verbose = runTam(["arch", "risks", "-C", EXAMPLE, "--as-of", "2026-11-20", "--verbose"]);
    expect(verbose.stdout).toContain("spof:shop-pg");
    expect(verbose.stdout.match(/Two of everything/g)).toHaveLength(1);
    const markdown = runTam(["arch", "risks", "-C", EXAMPLE, "--as-of", "2026-11-20", "--format", "markdown"]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^## Architecture risks \(as of 2026-11-20\)$/m);
    expect(markdown.stdout.match(/^### /gm)).toHaveLength(json.risks.length + 1); // and the rules, quoted once
    expect(markdown.stdout.match(/Two of everything/g)).toHaveLength(1);
    expect(markdown.stdout).toContain("**Suggested change:**");
  });

  it("says what recommendations.yaml has on record for a risk, in the JSON", () => {
    const record = (id: string) => (byId.get(id) as unknown as { record: { recommendation: string; state: string } | null }).record;
    expect(record("spof:erp-vm")).toMatchObject({ recommendation: "REC-003", state: "risk-accepted" });
    expect(record("no-monitoring:office-vpn")).toMatchObject({ recommendation: "REC-004", state: "to-review" });
    expect(record("recurring:ddos-protection:security")).toMatchObject({ recommendation: "REC-001", state: "accepted" });
    expect(record("spof:san")).toBeNull();
    // Before its review date passed, REC-004's risk was accepted, and so not in the table.
    const earlier = runTam(["arch", "risks", "-C", EXAMPLE, "--as-of", "2026-10-20"]);
    expect(earlier.stdout).toContain("no-monitoring:office-vpn: accepted by Elena Smirnova until 2026-11-01 (REC-004: Watch the office VPN)");
    expect(earlier.stdout).not.toMatch(/│ medium +│ no monitoring +│[^│]*office-vpn/);
  });

  it("--fail-on high exits 1 when a high risk exists; a bad --as-of is a usage error", () => {
    expect(runTam(["arch", "risks", "-C", EXAMPLE, "--as-of", "2026-11-20", "--fail-on", "high", "-f", "json"]).code).toBe(1);
    const bad = runTam(["arch", "risks", "-C", EXAMPLE, "--as-of", "2026-02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--as-of");
  });

  it("is deterministic with --as-of, and the window moves with it", () => {
    const again = runTam(["arch", "risks", "-C", EXAMPLE, "--as-of", "2026-11-20", "--format", "json"]);
    expect(again.stdout).toBe(result.stdout);
    const later = JSON.parse(runTam(["arch", "risks", "-C", EXAMPLE, "--as-of", "2027-06-30", "--format", "json"]).stdout) as { risks: RiskJson[] };
    expect(later.risks.some((r) => r.kind === "recurring-incidents")).toBe(false);
  });
});

describe("tam arch risks on an edited copy", () => {
  it("escapes user text in markdown and refuses an invalid project", () => {
    const dir = copyProject(EXAMPLE);
    const file = join(dir, "architecture.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("name: MySQL 8 reporting database (BI copy of orders)", 'name: "a | b <script>alert(1)</script>"'));
    const markdown = runTam(["arch", "risks", "-C", dir, "--as-of", "2026-11-20", "--format", "markdown"]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).not.toContain("<script>");
    expect(markdown.stdout).toContain("a \\| b &lt;script&gt;");
    writeFileSync(file, text.replace("depends_on: [db-os]\n    instances: 1\n    criticality: critical", "depends_on: [db-oss]\n    instances: 1\n    criticality: critical"));
    const invalid = runTam(["arch", "risks", "-C", dir]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("unknown-reference");
  });
});

describe("tam arch graph on the example", () => {
  const ids = exampleIds();
  const departments = ["backup", "cyber-defence", "dba", "external-dc", "microsoft", "monitoring", "network", "software-dev", "unix", "virt-vmware"];

  it("json: parses, every component once, grouped by department, edges for depends_on", () => {
    const result = runTam(["arch", "graph", "-C", EXAMPLE, "--format", "json"]);
    expect(result.code).toBe(0);
    const graph = JSON.parse(result.stdout) as {
      version: number;
      departments: { id: string; components: string[] }[];
      nodes: { id: string; department: string }[];
      edges: { from: string; to: string }[];
    };
    expect(graph.version).toBe(1);
    expect(graph.nodes.map((n) => n.id)).toEqual([...ids].sort());
    expect(graph.departments.map((d) => d.id)).toEqual(departments);
    expect(graph.departments.flatMap((d) => d.components).sort()).toEqual([...ids].sort());
    expect(graph.nodes.find((n) => n.id === "erp-mssql")!.department).toBe("microsoft");
    expect(graph.edges).toContainEqual({ from: "shop-app", to: "shop-pg" });
    expect(graph.edges).toHaveLength(40);
  });

  it("mermaid: a subgraph per department, each component defined once", () => {
    const result = runTam(["arch", "graph", "-C", EXAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("flowchart LR\n")).toBe(true);
    expect(result.stdout).toContain("a --> b means: a depends on b");
    for (const id of departments) expect(result.stdout.match(new RegExp(`^  subgraph d_${id.replace(/-/g, "_")}\\[`, "gm")), id).toHaveLength(1);
    for (const id of ids) expect(result.stdout.match(new RegExp(`^    c_${id.replace(/-/g, "_")}\\["`, "gm")), id).toHaveLength(1);
    expect(result.stdout).toContain("  c_shop_app --> c_shop_pg\n");
    expect(result.stdout.match(/^ {2}subgraph /gm)).toHaveLength(result.stdout.match(/^ {2}end$/gm)!.length);
  });

  it("dot: a cluster per department, each component defined once", () => {
    const result = runTam(["arch", "graph", "-C", EXAMPLE, "--format", "dot"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^digraph architecture \{$/m);
    for (const id of departments) expect(result.stdout.split(`subgraph "cluster_${id}" {`).length - 1, id).toBe(1);
    for (const id of ids) expect(result.stdout.split(`    "${id}" [label=`).length - 1, id).toBe(1);
    expect(result.stdout).toContain('  "shop-app" -> "shop-pg";');
  });

  it("rejects an unknown format", () => {
    const result = runTam(["arch", "graph", "-C", EXAMPLE, "--format", "svg"]);
    expect(result.code).toBe(2);
  });
});
