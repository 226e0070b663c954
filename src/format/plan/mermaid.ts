// Two mermaid diagrams in markdown fences: the schedule's gantt (the same function the report
// draws its chart with) and a flowchart of which task waits for which.
import { mermaidText } from "../mermaid-text.js";
import { terminalSafe } from "../text.js";
import { changeBars, ganttLines } from "./gantt.js";
import { rows } from "./shared.js";
import type { PlanReport } from "./types.js";

function flowLabel(text: string): string {
  return terminalSafe(text).replace(/"/g, "'").replace(/[\n\r]/g, " ");
}

export function formatMermaid(report: PlanReport): string {
  const { plan } = report;
  const gantt = ganttLines(changeBars(plan.schedule), { title: mermaidText(`${plan.changeId} ${plan.title}`), asOf: report.asOf, holidays: report.holidays });
  const flow = ["```mermaid", "flowchart LR"];
  for (const { task, timing } of rows(plan)) flow.push(`  ${task.id}["${task.id} ${flowLabel(task.department)}: ${flowLabel(task.title)}"]${timing.critical ? ":::crit" : ""}`);
  for (const { task } of rows(plan)) for (const dep of task.after) flow.push(`  ${dep} --> ${task.id}`);
  flow.push("  classDef crit stroke:#d33,stroke-width:2px", "```");
  return `${gantt.length ? `${gantt.join("\n")}\n\n` : ""}${flow.join("\n")}\n`;
}
