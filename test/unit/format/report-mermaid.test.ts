import { describe, expect, it } from "vitest";
import { mermaidChart, mermaidText } from "../../../src/format/report/mermaid.js";

describe("report gantt", () => {
  it("strips what Mermaid would read as syntax from task names", () => {
    expect(mermaidText('T1 a: b; c # "d" <e>\nf')).toBe("T1 a b c d e f");
  });

  it("draws through the schedule's one gantt: exclusive ends, done/active/crit, weekends excluded, the as-of date marked", () => {
    const lines = mermaidChart({
      type: "gantt",
      title: "Changes",
      asOf: "2026-11-20",
      tasks: [
        { level: "task", change: "CHG-1", id: "T1", title: "Network", department: "network", start: "2026-11-23", finish: "2026-11-24", state: "done", critical: true },
        { level: "task", change: "CHG-1", id: "T2", title: "VMs", department: "virt", start: "2026-11-25", finish: "2026-11-25", state: "planned", critical: false },
        { level: "change", change: "CHG-2", id: "CHG-2", title: "OS", department: "", start: "2026-11-26", finish: "2026-11-26", state: "active", critical: false },
      ],
    });
    expect(lines[0]).toBe("```mermaid");
    expect(lines).toContain("  todayMarker off");
    expect(lines).toContain("  excludes weekends");
    expect(lines).toContain("  section CHG-1");
    expect(lines).toContain("  T1 Network (network) :done, crit, CHG_1_T1, 2026-11-23, 2026-11-25");
    expect(lines).toContain("  T2 VMs (virt) :CHG_1_T2, 2026-11-25, 2026-11-26");
    expect(lines).toContain("  section Changes");
    expect(lines).toContain("  CHG-2 OS :active, CHG_2, 2026-11-26, 2026-11-27");
    expect(lines.filter((l) => l.includes(":milestone, ") && l.includes("2026-11-20, 0d"))).toHaveLength(1);
    expect(lines[lines.length - 1]).toBe("```");
  });
});
