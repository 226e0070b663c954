import { describe, expect, it } from "vitest";
import { validateProject, type ProjectView } from "../../../src/domain/validation/index.js";
import type { Change, Component, Department, Manifest } from "../../../src/model/files.js";

function view(parts: Partial<ProjectView>): ProjectView {
  return {
    manifest: { format: 1, client: { name: "C" }, project: { id: "p", name: "P" }, tam: { name: "T" }, timezone: "UTC" } as Manifest,
    departments: [{ id: "network", name: "Network", owns: ["vlan", "firewall"] }] as Department[],
    components: [{ id: "fw", name: "FW", kind: "firewall" }],
    changes: [],
    incidents: [],
    docs: [],
    where: (entity, ...field) => ({ file: `${(entity as { id?: string }).id ?? "manifest"}`, line: field.length, col: 1 }),
    ...parts,
  };
}
const change = (more: Partial<Change>): Change => ({ id: "CHG-0001", title: "T", type: "normal", status: "planned", rollback: "undo", scope: [], ...more });
const codes = (v: ProjectView) => validateProject(v).map((i) => `${i.severity} ${i.code}`);

describe("lifecycle findings", () => {
  it("an emergency change that started without an approval is a finding until the approval is recorded", () => {
    const started = change({ type: "emergency", status: "in-progress" });
    expect(codes(view({ changes: [started] }))).toContain("warning unapproved-change");
    expect(codes(view({ changes: [{ ...started, approval: { by: "Elena", at: "2026-11-20T10:00:00Z" } }] }))).not.toContain("warning unapproved-change");
    expect(codes(view({ changes: [change({ type: "emergency", status: "planned" })] }))).not.toContain("warning unapproved-change");
  });

  it("a normal change in progress without a recorded approval is a finding; a standard one is pre-approved", () => {
    expect(codes(view({ changes: [change({ status: "in-progress" })] }))).toContain("warning unapproved-change");
    expect(codes(view({ changes: [change({ type: "standard", status: "in-progress" })] }))).not.toContain("warning unapproved-change");
  });

  it("a normal change whose file says approved without an approval record is a finding at its status line (issue 25.3)", () => {
    const claimed = change({ status: "approved" });
    const found = validateProject(view({ changes: [claimed] })).filter((i) => i.code === "unapproved-change");
    expect(found).toEqual([expect.objectContaining({ severity: "warning", file: "CHG-0001", line: 1 })]);
    expect(found[0]!.message).toContain("says approved but has no approval record");
    expect(codes(view({ changes: [{ ...claimed, approval: { by: "Elena", at: "2026-11-20T10:00:00Z" } }] }))).not.toContain("warning unapproved-change");
    expect(codes(view({ changes: [change({ type: "standard", status: "approved" })] }))).not.toContain("warning unapproved-change");
  });

  it("a live component that depends on a decommissioned one", () => {
    const components: Component[] = [
      { id: "fw", name: "FW", kind: "firewall", decommissioned: { date: "2026-11-20", change: "CHG-0001" } },
      { id: "vlan", name: "VLAN", kind: "vlan", depends_on: ["fw"] },
    ];
    expect(codes(view({ components }))).toEqual(["warning depends-on-decommissioned"]);
    expect(codes(view({ components: [components[0]!], changes: [change({ scope: [{ component: "fw", action: "modify" }] })] }))).toEqual(["warning depends-on-decommissioned"]);
  });

  it("a component in the scope of an open change that no department owns is an error (the planner refuses it)", () => {
    const open = change({ scope: [{ component: "db", action: "add" }], new_components: [{ id: "db", name: "DB", kind: "oracle" }] });
    expect(codes(view({ changes: [open] }))).toContain("error no-owner");
    expect(codes(view({ changes: [{ ...open, status: "done" }] }))).not.toContain("error no-owner");
  });
});
