// Mermaid gantt of the report's changes: the plan's gantt function (src/format/plan/gantt.ts)
// with one section per change, the as-of marker and only the period's and open work.
import type { GanttTask } from "../../domain/report/types.js";
import { mermaidText } from "../mermaid-text.js";
import { ganttLines, mermaidRef, type GanttOptions } from "../plan/gantt.js";

export { mermaidText };

export function ganttBlock(tasks: readonly GanttTask[], title: string, options: Omit<GanttOptions, "title"> = { asOf: tasks.reduce((max, t) => (t.finish > max ? t.finish : max), "") }): string[] {
  return ganttLines(
    tasks.map((task) => ({ section: task.change, ref: mermaidRef(`${task.change}_${task.id}`), label: `${task.id} ${task.title} (${task.department})`, start: task.start, finish: task.finish, state: task.state, critical: task.critical })),
    { title, ...options },
  );
}
