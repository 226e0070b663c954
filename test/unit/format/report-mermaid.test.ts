import { describe, expect, it } from "vitest";
import { ganttBlock, mermaidText } from "../../../src/format/report/mermaid.js";

describe("report gantt", () => {
  it("leaves out done work that finished before the period, and keeps open work", () => {
    const lines = ganttBlock(
      [
        { change: "CHG-1", id: "T1", title: "Old", department: "network", start: "2026-09-01", finish: "2026-09-02", state: "done", critical: false },
        { change: "CHG-1", id: "T2", title: "Open", department: "virt", start: "2026-11-25", finish: "2026-11-25", state: "planned", critical: false },
      ],
      "Changes",
      { asOf: "2026-11-20", from: "2026-11-01" },
    );
    expect(lines.join("\n")).not.toContain("Old");
    expect(lines.join("\n")).toContain("T2 Open");
  });

  it("strips what Mermaid would read as syntax from task names", () => {
    expect(mermaidText('T1 a: b; c # "d" <e>\nf')).toBe("T1 a b c d e f");
  });

  it("writes explicit dates with an exclusive end, done/active/crit tags and a section per change", () => {
    const lines = ganttBlock(
      [
        { change: "CHG-1", id: "T1", title: "Network", department: "network", start: "2026-11-23", finish: "2026-11-24", state: "done", critical: true },
        { change: "CHG-1", id: "T2", title: "VMs", department: "virt", start: "2026-11-25", finish: "2026-11-25", state: "planned", critical: false },
        { change: "CHG-2", id: "T1", title: "OS", department: "unix", start: "2026-11-26", finish: "2026-11-26", state: "active", critical: false },
      ],
      "Changes",
      { asOf: "2026-11-25", from: "2026-11-01" },
    );
    expect(lines).toEqual([
      "```mermaid",
      "gantt",
      "  title Changes",
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %d %b",
      "  todayMarker off",
      "  excludes weekends",
      "  section CHG-1",
      "  T1 Network (network) :done, crit, CHG_1_T1, 2026-11-23, 2026-11-25",
      "  T2 VMs (virt) :CHG_1_T2, 2026-11-25, 2026-11-26",
      "  section CHG-2",
      "  T1 OS (unix) :active, CHG_2_T1, 2026-11-26, 2026-11-27",
      "  section as of",
      "  as of 2026-11-25 :milestone, asof, 2026-11-25, 0d",
      "```",
    ]);
  });
});
