// The report's charts in Mermaid that GitHub and GitLab render: the gantt of open work, SLA
// compliance against the goal (xychart-beta), incidents per month by priority (stacked bars).
import { addDays } from "../../domain/dates.js";
import type { GanttTask } from "../../domain/report/types.js";
import { mermaidText } from "../mermaid-text.js";
import { COMPLIANCE_COLOURS, PRIORITY_COLOURS, type Chart, type ComplianceChart, type GanttChart, type PriorityChart } from "./blocks.js";
import { monthShort } from "./words.js";

export { mermaidText };

export function mermaidChart(chart: Chart): string[] {
  const body = chart.type === "gantt" ? ganttLines(chart) : chart.type === "compliance" ? complianceLines(chart) : priorityLines(chart);
  return ["```mermaid", ...body, "```"];
}

/**
 * Explicit dates (Mermaid's end is exclusive: a task finishing on the 24th ends at the 25th);
 * weekends drawn as non-working; Mermaid's own today marker is off (it marks the day the page is
 * viewed) and a milestone marks the report's as-of date instead.
 */
export function ganttLines(chart: GanttChart): string[] {
  const lines = ["gantt", `  title ${mermaidText(chart.title)}`, "  dateFormat YYYY-MM-DD", "  axisFormat %d %b", "  excludes weekends", "  todayMarker off"];
  let section = "";
  for (const task of chart.tasks) {
    const group = task.level === "task" ? task.change : "Changes";
    if (group !== section) {
      section = group;
      lines.push(`  section ${mermaidText(group)}`);
    }
    lines.push(`  ${ganttName(task)} :${[...ganttTags(task), task.start, addDays(task.finish, 1)].join(", ")}`);
  }
  lines.push("  section Today", `  as of ${chart.asOf} :milestone, ${chart.asOf}, 0d`);
  return lines;
}

/** Mermaid writes a label that does not fit its bar beside it, where a long one runs off the chart. */
const LABEL_CHARS = 48;

function ganttName(task: GanttTask): string {
  const title = task.title.length > LABEL_CHARS ? `${task.title.slice(0, LABEL_CHARS - 1).trimEnd()}…` : task.title;
  return mermaidText(task.level === "task" ? `${task.id} ${title} (${task.department})` : `${task.change} ${title}`) || task.id;
}

function ganttTags(task: GanttTask): string[] {
  return [task.state === "done" ? "done" : task.state === "active" ? "active" : "", task.critical ? "crit" : ""].filter(Boolean);
}

function axis(months: readonly { month: string }[]): string {
  const years = new Set(months.map((m) => m.month.slice(0, 4)));
  return `[${months.map((m) => `"${monthShort(m.month, years.size > 1)}"`).join(", ")}]`;
}

function complianceLines(chart: ComplianceChart): string[] {
  const values = chart.months.map((m) => m.compliancePct ?? 0);
  const goals = chart.months.map((m) => m.goalPct ?? 0);
  // Start the axis below the lowest bar or goal so a drop from 98% to 90% is visible.
  const low = Math.max(0, Math.floor((Math.min(...values, ...goals) - 10) / 10) * 10);
  return [
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${COMPLIANCE_COLOURS.bar}, ${COMPLIANCE_COLOURS.goal}"}}}}%%`,
    "xychart-beta",
    `  title "${mermaidText(chart.title)}"`,
    `  x-axis ${axis(chart.months)}`,
    `  y-axis "%" ${low} --> 100`,
    `  bar [${values.map((v) => v.toFixed(1)).join(", ")}]`,
    `  line [${goals.map((v) => v.toFixed(1)).join(", ")}]`,
  ];
}

/** Stacked bars: Mermaid draws bar series over one another, so the cumulative sums, largest first, stack. */
function priorityLines(chart: PriorityChart): string[] {
  const priorities = ["P4", "P3", "P2", "P1"] as const;
  const series = priorities.map((_, i) => chart.months.map((m) => priorities.slice(i).reduce((sum, p) => sum + m.byPriority[p], 0)));
  const top = Math.max(1, ...series[0]!);
  const palette = priorities.map((p) => PRIORITY_COLOURS[p]).join(", ");
  return [
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    "xychart-beta",
    `  title "${mermaidText(chart.title)}"`,
    `  x-axis ${axis(chart.months)}`,
    `  y-axis "incidents" 0 --> ${top}`,
    ...series.map((values) => `  bar [${values.join(", ")}]`),
  ];
}
