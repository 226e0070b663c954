import { describe, expect, it } from "vitest";
import { mermaidChart, mermaidText } from "../../../src/format/report/mermaid.js";

describe("report gantt", () => {
  it("strips what Mermaid would read as syntax from task names", () => {
    expect(mermaidText('T1 a: b; c # "d" <e>\nf')).toBe("T1 a b c d e f");
  });

  it("writes explicit dates with an exclusive end, done/active/crit tags, weekends excluded and the as-of date marked", () => {
    const lines = mermaidChart({
      type: "gantt",
      title: "Changes",
      asOf: "2026-11-20",
      tasks: [
        { level: "task", change: "CHG-1", id: "T1", title: "Network", department: "network", start: "2026-11-23", finish: "2026-11-24", state: "done", critical: true },
        { level: "task", change: "CHG-1", id: "T2", title: "VMs", department: "virt", start: "2026-11-25", finish: "2026-11-25", state: "planned", critical: false },
        { level: "task", change: "CHG-2", id: "T1", title: "OS", department: "unix", start: "2026-11-26", finish: "2026-11-26", state: "active", critical: false },
      ],
    });
    expect(lines).toEqual([
      "```mermaid",
      "gantt",
      "  title Changes",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %d %b",
      "  excludes weekends",
      "  todayMarker off",
      "  section CHG-1",
      "  T1 Network (network) :done, crit, 2026-11-23, 2026-11-25",
      "  T2 VMs (virt) :2026-11-25, 2026-11-26",
      "  section CHG-2",
      "  T1 OS (unix) :active, 2026-11-26, 2026-11-27",
      "  section Today",
      "  as of 2026-11-20 :milestone, 2026-11-20, 0d",
      "```",
    ]);
  });
});
