import { describe, expect, it } from "vitest";
import { planChange, type PlanInput } from "../../../src/domain/planner/index.js";
import type { Change, Component, Department, Manifest } from "../../../src/model/files.js";

const MON_FRI = { mon: ["09:00-18:00"], tue: ["09:00-18:00"], wed: ["09:00-18:00"], thu: ["09:00-18:00"], fri: ["09:00-18:00"] };
const manifest = { format: 1, timezone: "UTC", calendars: { business: { hours: MON_FRI, holidays: ["2026-11-04"] } } } as unknown as Manifest;
const departments: Department[] = [
  { id: "network", name: "N", owns: ["vlan", "firewall"], lead_time: "2d", calendar: "business" },
  { id: "virt", name: "V", owns: ["vm"], lead_time: "1d", calendar: "business" },
  { id: "unix", name: "U", owns: ["linux-os", "nginx", "php"], lead_time: "1d", calendar: "business" },
  { id: "backup", name: "B", lead_time: "1d" },
  { id: "monitoring", name: "M", lead_time: "1d", calendar: "24x7" },
  { id: "cyber-defence", name: "C", lead_time: "1d" },
  { id: "design-center", name: "D", lead_time: "1d" },
];

function input(change: Partial<Change>, extra: Partial<PlanInput> = {}): PlanInput {
  const full: Change = { id: "CHG-0001", title: "T", type: "normal", status: "draft", rollback: "undo", scope: [], ...change };
  return { change: full, manifest, departments, components: [], changes: [full], docs: [], where: () => ({ file: "x.yaml", line: 1 }), today: "2026-11-02", timezone: "UTC", ...extra };
}

const c = (id: string, kind: string, depends_on: string[] = [], more: Partial<Component> = {}): Component => ({ id, name: id, kind, depends_on, ...more });

describe("decomposition", () => {
  it("orders tasks by component dependencies, also through components outside the scope", () => {
    const plan = planChange(
      input(
        {
          scope: [
            { component: "nginx", action: "modify" },
            { component: "vlan", action: "modify" },
          ],
        },
        { components: [c("vlan", "vlan"), c("vm", "vm", ["vlan"]), c("os", "linux-os", ["vm"]), c("nginx", "nginx", ["os"])] },
      ),
    );
    const impl = plan.tasks.filter((t) => t.kind === "implementation");
    const vlan = impl.find((t) => t.components[0] === "vlan")!;
    const nginx = impl.find((t) => t.components[0] === "nginx")!;
    expect(nginx.after).toEqual([vlan.id]);
    expect(vlan.department).toBe("network");
    expect(nginx.department).toBe("unix");
  });

  it("reverses the order for removals: dependents go first", () => {
    const plan = planChange(
      input(
        {
          scope: [
            { component: "vlan", action: "remove" },
            { component: "vm", action: "remove" },
          ],
        },
        { components: [c("vlan", "vlan"), c("vm", "vm", ["vlan"])] },
      ),
    );
    const vlan = plan.tasks.find((t) => t.components[0] === "vlan" && t.kind === "implementation")!;
    const vm = plan.tasks.find((t) => t.components[0] === "vm" && t.kind === "implementation")!;
    // Between implementation tasks; each removal also waits for its own decommission follow-ups (decommission.test.ts).
    const implementation = new Set(plan.tasks.filter((t) => t.kind === "implementation").map((t) => t.id));
    expect(vlan.after.filter((id) => implementation.has(id))).toEqual([vm.id]);
    expect(vm.after.filter((id) => implementation.has(id))).toEqual([]);
    expect(plan.backoutOrder).toEqual([vlan.id, vm.id]);
  });

  it("adds backup, monitoring, security and a final documentation task by default", () => {
    const plan = planChange(
      input(
        {
          scope: [
            { component: "vm", action: "add" },
            { component: "web", action: "add" },
          ],
          new_components: [c("vm", "vm"), c("web", "nginx", ["vm"], { internet_facing: true })],
        },
        { docs: [{ id: "runbook", title: "R", location: "x", owner: "unix", covers: ["web"] }] },
      ),
    );
    const kinds = plan.tasks.map((t) => `${t.kind}:${t.department}:${t.components.join(",")}`);
    expect(kinds).toContain("backup:backup:vm");
    expect(kinds).toContain("monitoring:monitoring:vm");
    expect(kinds).toContain("monitoring:monitoring:web");
    expect(kinds).toContain("security:cyber-defence:web");
    expect(kinds).not.toContain("backup:backup:web");
    const docs = plan.tasks.find((t) => t.kind === "documentation")!;
    expect(docs.title).toContain("runbook");
    expect(plan.tasks[plan.tasks.length - 1]).toBe(docs);
    expect(plan.schedule.tasks.find((t) => t.id === docs.id)!.wave).toBe(Math.max(...plan.schedule.tasks.map((t) => t.wave)));
  });

  it("groups follow-ups of one kind, department and wave into one task listing its components", () => {
    const m = { ...manifest, followups: { monitoring: { estimate: "2h", per_component: "1h" } } } as Manifest;
    const scope = ["os", "web", "php"].map((component) => ({ component, action: "add" as const }));
    const plan = planChange(input({ scope, new_components: [c("os", "linux-os"), c("web", "nginx", ["os"]), c("php", "php", ["os"])] }, { manifest: m }));
    const monitoring = plan.tasks.filter((t) => t.kind === "monitoring");
    // os is wave 1, nginx and php wave 2: two tasks, the second covering both (2h + 1h).
    expect(monitoring.map((t) => [t.components.join(","), t.estimate])).toEqual([
      ["os", "2h"],
      ["web,php", "3h"],
    ]);
    expect(monitoring[1]!.title).toBe("Monitor web, php");
    expect(monitoring[1]!.after).toHaveLength(2);
    const single = planChange(
      input(
        { scope, new_components: [c("os", "linux-os"), c("web", "nginx", ["os"]), c("php", "php", ["os"])] },
        { manifest: { ...manifest, followups: { monitoring: { group: false } } } as Manifest },
      ),
    );
    expect(single.tasks.filter((t) => t.kind === "monitoring")).toHaveLength(3);
  });

  it("does not have the security department review what it built itself", () => {
    const deps = [...departments.filter((d) => d.id !== "cyber-defence"), { id: "cyber-defence", name: "C", owns: ["waf"], lead_time: "1d" }];
    const plan = planChange(
      input(
        {
          scope: [
            { component: "waf", action: "add" },
            { component: "web", action: "add" },
          ],
          new_components: [c("waf", "waf", [], { internet_facing: true }), c("web", "nginx", [], { internet_facing: true })],
        },
        { departments: deps },
      ),
    );
    expect(plan.tasks.filter((t) => t.kind === "security").map((t) => t.components)).toEqual([["web"]]);
  });

  it("skips a disabled rule, and warns about a rule whose department does not exist", () => {
    const m = { ...manifest, followups: { monitoring: { enabled: false }, backup: { department: "nobody" } } } as Manifest;
    const plan = planChange(input({ scope: [{ component: "vm", action: "add" }], new_components: [c("vm", "vm")] }, { manifest: m }));
    expect(plan.tasks.some((t) => t.kind === "monitoring" || t.kind === "backup")).toBe(false);
    expect(plan.findings.map((f) => f.code)).toContain("followup-department-unknown");
  });

  it("reports an unknown owner and a cycle as errors", () => {
    const plan = planChange(
      input(
        {
          scope: [
            { component: "x", action: "modify" },
            { component: "a", action: "modify" },
          ],
        },
        { components: [c("x", "mystery"), c("a", "vm", ["b"]), c("b", "vm", ["a"])] },
      ),
    );
    const codes = plan.findings.filter((f) => f.severity === "error").map((f) => f.code);
    expect(codes).toContain("no-owner");
    expect(codes).toContain("dependency-cycle");
    expect(plan.findings.find((f) => f.code === "dependency-cycle")!.message).toContain("a → b → a");
  });

  it("warns about a missing rollback", () => {
    const plan = planChange(input({ rollback: undefined, scope: [{ component: "vlan", action: "modify" }] }, { components: [c("vlan", "vlan")] }));
    expect(plan.findings.map((f) => f.code)).toContain("missing-rollback");
  });
});

describe("re-planning", () => {
  it("keeps ids, status and history of tasks that still exist, keeps manual tasks, removes stale ones", () => {
    const components = [c("vlan", "vlan"), c("vm", "vm", ["vlan"])];
    const first = planChange(
      input(
        {
          scope: [
            { component: "vlan", action: "modify" },
            { component: "vm", action: "modify" },
          ],
        },
        { components },
      ),
    );
    const vm = first.tasks.find((t) => t.components[0] === "vm" && t.kind === "implementation")!;
    const written = first.tasks.map(({ id, title, department, kind, components, after, origin }) => ({ id, title, department, kind, components, after, origin, status: "todo" as const }));
    written.find((t) => t.id === vm.id)!.status = "done";
    const manual = { id: "T99", title: "Call the client", department: "design-center", origin: "manual" as const, status: "todo" as const };
    const second = planChange(input({ scope: [{ component: "vm", action: "modify" }], tasks: [...written, manual] }, { components }));
    expect(second.tasks.find((t) => t.id === vm.id)!.status).toBe("done");
    expect(second.tasks.find((t) => t.id === "T99")).toBeTruthy();
    expect(second.diff.removed.map((r) => r.id)).toEqual(first.tasks.filter((t) => t.components.includes("vlan") && t.kind === "implementation").map((t) => t.id));
    expect(second.tasks.find((t) => t.kind === "documentation")!.after).toContain("T99");
  });
});

describe("scheduling", () => {
  it("works on each department's calendar, skipping weekends and holidays", () => {
    // Monday 2026-11-02; Wednesday 2026-11-04 is a holiday of the business calendar.
    const plan = planChange(
      input(
        {
          scope: [
            { component: "vlan", action: "modify" },
            { component: "vm", action: "modify" },
          ],
        },
        { components: [c("vlan", "vlan"), c("vm", "vm", ["vlan"])], manifest: { ...manifest, followups: { documentation: { enabled: false } } } as Manifest },
      ),
    );
    const byKind = Object.fromEntries(plan.schedule.tasks.map((t) => [plan.tasks.find((x) => x.id === t.id)!.components[0], t]));
    expect([byKind.vlan!.startDate, byKind.vlan!.finishDate]).toEqual(["2026-11-02", "2026-11-03"]);
    expect([byKind.vm!.startDate, byKind.vm!.finishDate]).toEqual(["2026-11-05", "2026-11-05"]);
    expect(plan.schedule.criticalPath).toHaveLength(2);
    expect(plan.schedule.workingDays).toBe(3);
    expect(plan.estimates.internalDays).toBe(6);
    expect(plan.estimates.clientDays).toBe(9);
    // 9 working days from Mon 2 Nov with the 4th off: 2,3,5,6,9,10,11,12,13.
    expect(plan.estimates.clientDate).toBe("2026-11-13");
  });

  it("gives slack to the shorter of two parallel branches", () => {
    const plan = planChange(
      input(
        { scope: ["vlan", "vm", "os"].map((component) => ({ component, action: "modify" as const })) },
        { components: [c("vlan", "vlan"), c("vm", "vm"), c("os", "linux-os", ["vm"])], manifest: { ...manifest, followups: { documentation: { enabled: false } } } as Manifest },
      ),
    );
    const slack = Object.fromEntries(plan.schedule.tasks.map((t) => [plan.tasks.find((x) => x.id === t.id)!.components[0], t.slackMs / t.dayMs]));
    expect(slack).toEqual({ vlan: 0, vm: 0, os: 0 });
    const withLongVm = planChange(
      input(
        {
          scope: [
            { component: "vlan", action: "modify" },
            { component: "vm", action: "modify", estimate: "4d" },
          ],
        },
        { components: [c("vlan", "vlan"), c("vm", "vm")], manifest: { ...manifest, followups: { documentation: { enabled: false } } } as Manifest },
      ),
    );
    const slack2 = Object.fromEntries(withLongVm.schedule.tasks.map((t) => [withLongVm.tasks.find((x) => x.id === t.id)!.components[0], t.slackMs / t.dayMs]));
    expect(slack2).toEqual({ vlan: 2, vm: 0 });
  });
});
