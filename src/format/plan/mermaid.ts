// Two mermaid diagrams in markdown fences: the schedule's gantt (the same function the report
// draws its chart with) and a flowchart of which task waits for which.
import { mermaidIds, mermaidLabel, mermaidText } from "../mermaid-text.js";
import { changeBars, ganttLines } from "./gantt.js";
import { rows } from "./shared.js";
import type { PlanReport } from "./types.js";

export function formatMermaid(report: PlanReport): string {
  const { plan } = report;
  const gantt = ganttLines(changeBars(plan.schedule), { title: mermaidText(`${plan.changeId} ${plan.title}`), asOf: report.asOf, holidays: report.holidays });
  // Node ids are generated (a task id is user text); labels are entity-escaped like arch graph's.
  const nodeIds = mermaidIds(
    rows(plan).map(({ task }) => task.id),
    "t",
  );
  const flow = ["```mermaid", "flowchart LR"];
  for (const { task, timing } of rows(plan)) flow.push(`  ${nodeIds.get(task.id)}["${mermaidLabel(`${task.id} ${task.department}: ${task.title}`)}"]${timing.critical ? ":::crit" : ""}`);
  for (const { task } of rows(plan)) for (const dep of task.after) if (nodeIds.has(dep)) flow.push(`  ${nodeIds.get(dep)} --> ${nodeIds.get(task.id)}`);
  flow.push("  classDef crit stroke:#d33,stroke-width:2px", "```");
  return `${gantt.length ? `${gantt.join("\n")}\n\n` : ""}${flow.join("\n")}\n`;
}
