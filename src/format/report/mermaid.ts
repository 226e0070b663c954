// Mermaid gantt of the report's changes: explicit dates, `crit` on critical tasks.
import type { GanttTask } from "../../domain/report/types.js";
import { addDays } from "../../domain/dates.js";
import { mermaidText } from "../mermaid-text.js";

export { mermaidText };

export function ganttBlock(tasks: readonly GanttTask[], title: string): string[] {
  if (tasks.length === 0) return [];
  const lines = ["```mermaid", "gantt", `  title ${mermaidText(title)}`, "  dateFormat YYYY-MM-DD", "  axisFormat %d %b"];
  let section = "";
  for (const task of tasks) {
    if (task.change !== section) {
      section = task.change;
      lines.push(`  section ${mermaidText(task.change)}`);
    }
    const tags = [task.state === "done" ? "done" : task.state === "active" ? "active" : "", task.critical ? "crit" : ""].filter(Boolean);
    const name = mermaidText(`${task.id} ${task.title} (${task.department})`);
    // Mermaid's end date is exclusive: a task finishing on the 24th ends at the 25th.
    lines.push(`  ${name} :${[...tags, `${task.start}`, addDays(task.finish, 1)].join(", ")}`);
  }
  lines.push("```");
  return lines;
}
