import { describe, expect, it } from "vitest";
import { planChange, type PlanInput } from "../../../src/domain/planner/index.js";
import type { Change, Component, Department, Manifest } from "../../../src/model/files.js";

const departments: Department[] = ["network", "virt", "unix", "backup", "monitoring", "cyber-defence", "design-center", "dba"].map((id) => ({ id, name: id, lead_time: "1d", calendar: "24x7" }));
departments.find((d) => d.id === "virt")!.owns = ["vm"];
departments.find((d) => d.id === "unix")!.owns = ["nginx"];
departments.find((d) => d.id === "dba")!.owns = ["postgresql"];
const manifest = { format: 1, timezone: "UTC" } as unknown as Manifest;
const components: Component[] = [
  { id: "old-vm", name: "Old VM", kind: "vm", backed_up: true, monitored: true },
  { id: "old-db", name: "Old DB", kind: "postgresql", depends_on: ["old-vm"], backed_up: true },
  { id: "old-nginx", name: "Old nginx", kind: "nginx", depends_on: ["old-vm"], monitored: false },
];

function input(change: Partial<Change>, extra: Partial<PlanInput> = {}): PlanInput {
  const full: Change = { id: "CHG-0009", title: "Decommission", type: "normal", status: "draft", rollback: "restore from the final backup", scope: [], ...change };
  return { change: full, manifest, departments, components, changes: [full], docs: [], where: () => ({ file: "x.yaml", line: 1 }), today: "2026-11-02", timezone: "UTC", ...extra };
}

describe("decommission follow-ups", () => {
  const plan = planChange(
    input({
      scope: [
        { component: "old-db", action: "remove" },
        { component: "old-vm", action: "remove" },
        { component: "old-nginx", action: "remove" },
      ],
    }),
  );
  const task = (kind: string, component: string) => plan.tasks.find((t) => t.kind === kind && t.components.includes(component));
  const waitsFor = (later: string | undefined, earlier: string | undefined) => {
    // Transitively: `later` cannot start before `earlier` is finished.
    const byId = new Map(plan.tasks.map((t) => [t.id, t]));
    const seen = new Set<string>();
    const stack = [...(byId.get(later!)?.after ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === earlier) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(byId.get(id)?.after ?? []));
    }
    return false;
  };

  it("backs up a stateful component and checks a restore before it is removed, then retires its backup jobs", () => {
    const finalBackup = task("final-backup", "old-db")!;
    const removal = task("implementation", "old-db")!;
    const retirement = task("backup-retirement", "old-db")!;
    expect(finalBackup.title).toContain("restore check");
    expect(finalBackup.department).toBe("backup");
    expect(waitsFor(removal.id, finalBackup.id)).toBe(true);
    expect(waitsFor(retirement.id, removal.id)).toBe(true);
  });

  it("takes a component out of monitoring before it goes (after its final backup), never one that is not monitored", () => {
    const unmonitor = task("monitoring-removal", "old-vm")!;
    expect(unmonitor.department).toBe("monitoring");
    expect(waitsFor(task("implementation", "old-vm")!.id, unmonitor.id)).toBe(true);
    expect(waitsFor(unmonitor.id, task("final-backup", "old-vm")!.id)).toBe(true);
    expect(task("monitoring-removal", "old-nginx")).toBeUndefined();
    expect(task("final-backup", "old-nginx")).toBeUndefined();
  });

  it("documents last: the documentation task waits for every other task, so the removal can be backed out until then", () => {
    const docs = plan.tasks.find((t) => t.kind === "documentation")!;
    for (const other of plan.tasks.filter((t) => t !== docs)) expect(waitsFor(docs.id, other.id), other.id).toBe(true);
  });

  it("follows the rules in tam.yaml: a rule can be turned off or given to another department", () => {
    const custom = { ...manifest, followups: { final_backup: { department: "dba", kinds: ["postgresql"] }, monitoring_removal: { enabled: false } } } as unknown as Manifest;
    const other = planChange(
      input(
        {
          scope: [
            { component: "old-db", action: "remove" },
            { component: "old-vm", action: "remove" },
          ],
        },
        { manifest: custom },
      ),
    );
    expect(other.tasks.find((t) => t.kind === "final-backup" && t.components.includes("old-db"))?.department).toBe("dba");
    expect(other.tasks.find((t) => t.kind === "final-backup" && t.components.includes("old-vm"))).toBeUndefined();
    expect(other.tasks.some((t) => t.kind === "monitoring-removal")).toBe(false);
  });

  it("adds none of them to a change that removes nothing", () => {
    const adding = planChange(input({ scope: [{ component: "old-vm", action: "modify" }] }));
    expect(adding.tasks.map((t) => t.kind)).not.toContain("final-backup");
    expect(adding.findings.map((f) => f.code)).not.toContain("followup-department-unknown");
  });
});

describe("blackout ends are exclusive instants", () => {
  const freeze = (to: string) => ({ ...manifest, blackouts: [{ from: "2026-11-27T00:00:00Z", to, reason: "freeze" }] }) as unknown as Manifest;
  // One 1-day task on a 24x7 calendar, on 2026-11-30.
  const change: Partial<Change> = { scope: [{ component: "old-vm", action: "modify" }], window: { start: "2026-11-30T09:00:00Z" } };
  const only = (m: Manifest) => planChange(input(change, { manifest: { ...m, followups: { documentation: { enabled: false }, security: { enabled: false } } } as unknown as Manifest }));

  it("a blackout ending at midnight does not cover the day that starts then", () => {
    expect(only(freeze("2026-11-30T00:00:00Z")).findings.map((f) => f.code)).not.toContain("blackout");
  });

  it("a blackout that holds the change names its last day as the day before its midnight end", () => {
    const held = planChange(
      input(
        { ...change, window: { start: "2026-11-26T09:00:00Z" } },
        { manifest: { ...freeze("2026-11-30T00:00:00Z"), followups: { documentation: { enabled: false }, security: { enabled: false } } } as unknown as Manifest },
      ),
    );
    const finding = held.findings.find((f) => f.code === "blackout");
    expect(finding?.message).toContain("2026-11-27..2026-11-29");
  });
});
