// Two mermaid diagrams in markdown fences: a gantt with explicit dates (critical tasks
// marked crit) and a flowchart of which task waits for which.
import { addDays } from "../../domain/dates.js";
import { mermaidText } from "../mermaid-text.js";
import { terminalSafe } from "../text.js";
import { rows } from "./shared.js";
import type { PlanReport } from "./types.js";

/** Gantt task names end at ":" and statements at ";" or "#": the report's gantt has the same rule. */
const ganttLabel = mermaidText;

function flowLabel(text: string): string {
  return terminalSafe(text).replace(/"/g, "'").replace(/[\n\r]/g, " ");
}

export function formatMermaid(report: PlanReport): string {
  const { plan } = report;
  const gantt = ["```mermaid", "gantt", `  title ${ganttLabel(`${plan.changeId} ${plan.title}`)}`, "  dateFormat YYYY-MM-DD", "  axisFormat %d %b"];
  const byDepartment = new Map<string, string[]>();
  for (const { task, timing } of rows(plan)) {
    const tags = [...(timing.critical ? ["crit"] : []), ...(task.status === "done" ? ["done"] : task.status === "in-progress" ? ["active"] : [])];
    // The end date is exclusive: a task that finishes on the 24th ends at the start of the 25th.
    const line = `  ${ganttLabel(`${task.id} ${task.title}`)} :${[...tags, task.id].join(", ")}, ${timing.earlyStart}, ${addDays(timing.earlyFinish, 1)}`;
    byDepartment.set(task.department, [...(byDepartment.get(task.department) ?? []), line]);
  }
  for (const department of [...byDepartment.keys()].sort()) gantt.push(`  section ${ganttLabel(department)}`, ...byDepartment.get(department)!);
  gantt.push("```");

  const flow = ["```mermaid", "flowchart LR"];
  for (const { task, timing } of rows(plan)) flow.push(`  ${task.id}["${task.id} ${flowLabel(task.department)}: ${flowLabel(task.title)}"]${timing.critical ? ":::crit" : ""}`);
  for (const { task } of rows(plan)) for (const dep of task.after) flow.push(`  ${dep} --> ${task.id}`);
  flow.push("  classDef crit stroke:#d33,stroke-width:2px", "```");
  return `${gantt.join("\n")}\n\n${flow.join("\n")}\n`;
}
