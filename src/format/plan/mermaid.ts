// Two mermaid diagrams in markdown fences: a gantt with explicit dates (critical tasks
// marked crit) and a flowchart of which task waits for which.
import { addDays } from "../../domain/dates.js";
import { mermaidIds, mermaidLabel, mermaidText } from "../mermaid-text.js";
import { rows } from "./shared.js";
import type { PlanReport } from "./types.js";
import { pushTo } from "../../util/collections.js";

/** Gantt task names end at ":" and statements at ";" or "#": the report's gantt has the same rule. */
const ganttLabel = mermaidText;

export function formatMermaid(report: PlanReport): string {
  const { plan } = report;
  const gantt = ["```mermaid", "gantt", `  title ${ganttLabel(`${plan.changeId} ${plan.title}`)}`, "  dateFormat YYYY-MM-DD", "  axisFormat %d %b"];
  const byDepartment = new Map<string, string[]>();
  for (const { task, timing } of rows(plan)) {
    const tags = [...(timing.critical ? ["crit"] : []), ...(task.status === "done" ? ["done"] : task.status === "in-progress" ? ["active"] : [])];
    // The end date is exclusive: a task that finishes on the 24th ends at the start of the 25th.
    const line = `  ${ganttLabel(`${task.id} ${task.title}`)} :${[...tags, task.id].join(", ")}, ${timing.earlyStart}, ${addDays(timing.earlyFinish, 1)}`;
    pushTo(byDepartment, task.department, line);
  }
  for (const department of [...byDepartment.keys()].sort()) gantt.push(`  section ${ganttLabel(department)}`, ...byDepartment.get(department)!);
  gantt.push("```");

  // Node ids are generated (a task id is user text); labels are entity-escaped like arch graph's.
  const nodeIds = mermaidIds(rows(plan).map(({ task }) => task.id), "t");
  const flow = ["```mermaid", "flowchart LR"];
  for (const { task, timing } of rows(plan)) flow.push(`  ${nodeIds.get(task.id)}["${mermaidLabel(`${task.id} ${task.department}: ${task.title}`)}"]${timing.critical ? ":::crit" : ""}`);
  for (const { task } of rows(plan)) for (const dep of task.after) if (nodeIds.has(dep)) flow.push(`  ${nodeIds.get(dep)} --> ${nodeIds.get(task.id)}`);
  flow.push("  classDef crit stroke:#d33,stroke-width:2px", "```");
  return `${gantt.join("\n")}\n\n${flow.join("\n")}\n`;
}
