// The one Mermaid gantt of the schedule, for `tam change plan --format mermaid` and the report:
// the engine's dates, weekends and holidays shaded (`excludes`), done/active/crit markers, and
// the "today" line at --as-of (Mermaid's own todayMarker follows the viewer's clock and cannot be
// given a date, so it is turned off and a milestone marks the as-of date instead). Only the range
// that matters is drawn: open work, and done work that finished on or after `from`.
import { addDays } from "../../domain/dates.js";
import type { ChangeSchedule } from "../../domain/planner/schedule-types.js";
import { mermaidText } from "../mermaid-text.js";
import { compareText } from "../../model/text-order.js";

export interface GanttBar {
  /** Section heading (a department, or a change). */
  section: string;
  /** Mermaid task id (letters, digits, underscores). */
  ref: string;
  label: string;
  /** First and last day, both included. */
  start: string;
  finish: string;
  state: "done" | "active" | "planned";
  critical: boolean;
}

export interface GanttOptions {
  title: string;
  /** --as-of date: the marker line. */
  asOf: string;
  /** Done bars that finished before this date are left out. */
  from?: string;
  /** Non-working dates to shade besides weekends (the project calendar's holidays in range). */
  holidays?: readonly string[];
}

/** Lines of a ```mermaid block (fences included); empty when there is nothing to draw. */
export function ganttLines(bars: readonly GanttBar[], options: GanttOptions): string[] {
  const shown = bars.filter((b) => b.state !== "done" || !options.from || b.finish >= options.from);
  if (!shown.length) return [];
  const first = shown.reduce((min, b) => (b.start < min ? b.start : min), options.asOf);
  const last = shown.reduce((max, b) => (b.finish > max ? b.finish : max), options.asOf);
  const holidays = (options.holidays ?? []).filter((d) => d >= first && d <= last);
  const lines = [
    "```mermaid",
    "gantt",
    `  title ${mermaidText(options.title)}`,
    "  dateFormat YYYY-MM-DD",
    "  axisFormat %d %b",
    "  todayMarker off",
    `  excludes weekends${holidays.length ? ` ${holidays.join(" ")}` : ""}`,
  ];
  let section: string | undefined;
  for (const bar of shown) {
    if (bar.section !== section) {
      section = bar.section;
      lines.push(`  section ${mermaidText(bar.section)}`);
    }
    const tags = [...(bar.state === "done" ? ["done"] : bar.state === "active" ? ["active"] : []), ...(bar.critical ? ["crit"] : [])];
    // Mermaid's end date is exclusive: a task finishing on the 24th ends at the start of the 25th.
    lines.push(`  ${mermaidText(bar.label) || bar.ref} :${[...tags, bar.ref, bar.start, addDays(bar.finish, 1)].join(", ")}`);
  }
  lines.push("  section as of", `  as of ${options.asOf} :milestone, asof, ${options.asOf}, 0d`, "```");
  return lines;
}

/** Bars of one change's schedule, one section per department. */
export function changeBars(schedule: ChangeSchedule): GanttBar[] {
  const bars = schedule.tasks
    .filter((t) => t.startDate !== null && t.finishDate !== null)
    .map(
      (t): GanttBar => ({
        section: t.department,
        ref: mermaidRef(`${schedule.id}_${t.id}`),
        label: `${t.id} ${t.title}`,
        start: t.startDate!,
        finish: t.finishDate!,
        state: t.status === "done" ? "done" : t.status === "todo" ? "planned" : "active",
        critical: t.critical,
      }),
    );
  return bars.sort((a, b) => compareText(a.section, b.section) || compareText(a.start, b.start) || a.ref.localeCompare(b.ref, undefined, { numeric: true }));
}

export function mermaidRef(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, "_");
}
