// The default plan output: a table of tasks by wave, then the dates that matter.
import { Chalk } from "chalk";
import type { FormatOptions } from "../registry.js";
import { fitText, fittedTable } from "../table-width.js";
import { terminalSafe } from "../text.js";
import { criticalPathText, diffText, dueText, paddedText, planLine, proposalTasks, rows, slackText, stateText } from "./shared.js";
import type { PlanReport } from "./types.js";

export function formatTable(report: PlanReport, options: FormatOptions): string {
  const { plan } = report;
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const cells: unknown[][] = [];
  for (const { task, timing } of rows(plan)) {
    const components = task.components.length > 3 ? `${task.components.slice(0, 3).join(", ")} +${task.components.length - 3}` : task.components.join(", ");
    cells.push([
      task.id,
      // Whole: the table wraps it where the terminal is narrow, and the per-task view never cuts it.
      terminalSafe(task.title),
      task.department,
      components,
      task.after.join(", "),
      timing.estimate,
      stateText(timing),
      timing.startDate ?? "-",
      timing.dateOpen && timing.finishDate ? `≥ ${timing.finishDate} (open)` : (timing.finishDate ?? "-"),
      timing.wave,
      slackText(timing),
      timing.critical ? chalk.red("●") : "",
    ]);
  }
  const e = plan.estimates;
  const lines = [
    chalk.bold(`${plan.changeId} ${terminalSafe(plan.title)} (${plan.status})`),
    fittedTable(["task", "title", "department", "components", "after", "estimate", "state", "start", "finish", "wave", "slack", "critical"], cells, options.width, {
      boldHead: options.color,
      rowRules: false,
      stackTitle: ["task", "title"],
      dropFirst: ["wave", "critical", "slack", "components", "after", "estimate"],
    }),
    `critical path: ${criticalPathText(plan)}`,
    `${plan.record ? "recorded" : "forecast"}: ${planLine(plan)}`,
  ];
  // A closed change promises nothing any more; the promise it was given (its baseline) is history worth showing.
  if (!plan.record || e.fromBaseline)
    lines.push(
      `internal date (×${e.internalFactor}${e.fromBaseline ? ", as promised" : ""}): ${e.fromBaseline ? "" : `${paddedText(e.internalDays, e.internalWork)}, `}until ${e.internalDate}`,
      `client promise (×${e.clientFactor}${e.fromBaseline ? ", as promised" : ""}): ${e.fromBaseline ? "" : `${paddedText(e.clientDays, e.clientWork)}, `}until ${chalk.bold(e.clientDate)}`,
    );
  const due = dueText(plan);
  if (due) lines.push(due);
  lines.push(`backout order: ${plan.backoutOrder.join(", ") || "none"}`);
  lines.push(`rollback: ${plan.rollback ? terminalSafe(plan.rollback.trim()) : chalk.yellow("none written")}`);
  lines.push(diffText(report));
  if (report.proposal) for (const t of proposalTasks(report.proposal)) lines.push(`  ${t.sign} ${t.id} ${terminalSafe(t.title)} (${terminalSafe(t.detail)})`);
  return fitText(`${lines.join("\n")}\n`, options.width);
}
