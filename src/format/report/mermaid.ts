// The report's charts in Mermaid that GitHub and GitLab render: the gantt of open work, SLA
// compliance against the goal (xychart-beta), incidents per month by priority (stacked bars).
import type { GanttTask } from "../../domain/report/types.js";
import { mermaidText } from "../mermaid-text.js";
import { ganttLines, mermaidRef, type GanttBar } from "../plan/gantt.js";
import { COMPLIANCE_COLOURS, PRIORITY_COLOURS, type Chart, type ComplianceChart, type GanttChart, type PriorityChart } from "./blocks.js";
import { monthShort } from "./words.js";
import { addDays } from "../../domain/dates.js";

export { mermaidText };

export function mermaidChart(chart: Chart): string[] {
  if (chart.type === "gantt") return ganttChart(chart);
  return ["```mermaid", ...(chart.type === "compliance" ? complianceLines(chart) : priorityLines(chart)), "```"];
}

/** The schedule's one gantt (format/plan/gantt.ts): per task (internal) or per change (client), as-of marker, weekends excluded. */
function ganttChart(chart: GanttChart): string[] {
  // Mermaid's gantt has no "blocked" or "overdue": blocked work is an active bar marked critical
  // and named so; overdue work gets a second, critical bar from the end of its own to the forecast.
  const bars: GanttBar[] = chart.tasks.flatMap((task) => {
    const section = task.level === "task" ? task.change : "Changes";
    const ref = mermaidRef(task.level === "task" ? `${task.change}_${task.id}` : task.change);
    const { state } = task;
    const blocked = state === "blocked";
    const bar: GanttBar = {
      section,
      ref,
      label: `${ganttName(task)}${blocked ? " (blocked)" : ""}`,
      start: task.start,
      finish: task.finish,
      state: state === "blocked" ? "active" : state,
      critical: task.critical || blocked,
    };
    if (!task.overdueUntil || task.overdueUntil <= task.finish) return [bar];
    return [
      bar,
      {
        section,
        ref: `${ref}_late`,
        label: `${task.level === "task" ? task.id : task.change} overdue`,
        start: addDays(task.finish, 1),
        finish: task.overdueUntil,
        state: "active" as const,
        critical: true,
      },
    ];
  });
  return ganttLines(bars, { title: chart.title, asOf: chart.asOf });
}

/** Mermaid writes a label that does not fit its bar beside it, where a long one runs off the chart. */
const LABEL_CHARS = 48;

function ganttName(task: GanttTask): string {
  const title = task.title.length > LABEL_CHARS ? `${task.title.slice(0, LABEL_CHARS - 1).trimEnd()}…` : task.title;
  return task.level === "task" ? `${task.id} ${title} (${task.department})` : `${task.change} ${title}`;
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
