// Cells shared by the SLA report formatters: durations, percentages, states, all as plain text.
import type { Measure } from "../../domain/sla/measure.js";
import type { GroupSummary } from "../../domain/sla/report.js";
import type { DurationStats } from "../../domain/sla/stats.js";
import { formatZonedShort } from "../../domain/zoned-timestamp.js";

/** Working time in hours and minutes ("88h 30m"): days of working time vary by calendar, so no days. */
function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "-";
  const total = Math.round(ms / 60_000);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return hours === 0 ? `${minutes}m` : minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
}
export const percent = (value: number | null): string => (value === null ? "-" : `${value.toFixed(1)}%`);
export const trend = (pts: number | null): string => (pts === null ? "-" : `${pts > 0 ? "+" : pts < 0 ? "" : "±"}${pts.toFixed(1)} pts`);
const verdict = (pass: boolean | null): string => (pass === null ? "no result" : pass ? "PASS" : "FAIL");
export const stats = (s: DurationStats): string => (s.count === 0 ? "-" : `${duration(s.medianMs)} / ${duration(s.p90Ms)} / ${duration(s.maxMs)}`);
const tally = (t: { met: number; breached: number; pending: number; unknown?: number }): string =>
  `${t.met} / ${t.breached}${t.pending ? ` (+${t.pending} open)` : ""}${t.unknown ? ` (${t.unknown} unknown)` : ""}`;

/** The line that says how many incidents of the period have times estimated at import, or null. */
export function estimatedLine(ids: readonly string[]): string | null {
  if (ids.length === 0) return null;
  return `With a resolution time estimated at import (the export said resolved or closed, not when): ${ids.length} incident${ids.length === 1 ? "" : "s"}: ${ids.join(", ")}`;
}

/** How a clock stands: "met", "breached by 1h 5m", "4h left, due 2026-10-06 17:00", "paused, 2h left". */
export function measureText(m: Measure, zone: string): string {
  if (m.state === "unknown") return "unknown (not in the export)";
  if (m.state === "met") return `met (${duration(m.elapsedMs)})`;
  if (m.state === "breached") return `breached by ${duration(m.overByMs)}`;
  if (m.state === "paused") return `paused, ${duration(m.remainingMs)} left`;
  const due = m.dueAt !== undefined && Number.isFinite(m.dueAt) ? `, due ${formatZonedShort(m.dueAt, zone)}` : "";
  return `${duration(m.remainingMs)} left${due}`;
}

export const GROUP_HEADERS = [
  "incidents",
  "response met / breached",
  "resolution met / breached",
  "compliance",
  "goal",
  "result",
  "response median / p90 / max",
  "resolution median / p90 / max",
  "trend",
];

export function groupCells(g: GroupSummary): string[] {
  return [
    String(g.incidents),
    tally(g.response),
    tally(g.resolution),
    percent(g.compliancePct),
    percent(g.goalPct),
    verdict(g.pass),
    stats(g.responseTimes),
    stats(g.resolutionTimes),
    trend(g.trendPts),
  ];
}

/** One line per breached target: "resolution 6h 13m against 4h (+2h 13m)". */
export function breachText(label: string, m: Measure | null): string | null {
  return m ? `${label} ${duration(m.elapsedMs)} against ${duration(m.targetMs)} (+${duration(m.overByMs)})` : null;
}

/** The cause of a breach as a reader takes it: what happened, then its category ("-" when unknown). */
export function causeText(b: { cause?: string | null; rootCause?: string | null }): string {
  if (!b.cause) return "-";
  return b.rootCause ? `${b.rootCause.trim().replace(/\.$/, "")} (${b.cause})` : b.cause;
}

/** Why the "all" row's goal is not one of the priorities' goals. */
export function allGoalNote(report: { by: string; total: GroupSummary }): string | null {
  if (report.total.goalPct === null) return null;
  return `The goal of "all" (${percent(report.total.goalPct)}) is each incident's own goal, averaged over the ${report.total.withResult} incidents with a result.`;
}

/** The recurrence heading names its window, so it is not read against `tam arch risks` (180 days). */
export function recurringHeading(report: { period: { label: string }; recurring: readonly unknown[] }): string {
  return `Recurring in ${report.period.label}: the same component and cause twice or more (${report.recurring.length})`;
}

export const RECURRING_NONE = "none in this period (`tam arch risks` looks for repeated causes over the last 180 days)";

/** The columns of the summary that fit 80 columns: counts and the verdict, no time statistics. */
export const COMPACT_HEADERS = ["incid.", "breached", "compl.", "goal", "result", "trend"];

export function compactCells(g: GroupSummary): string[] {
  return [String(g.incidents), `${g.response.breached} / ${g.resolution.breached}`, percent(g.compliancePct), percent(g.goalPct), verdict(g.pass), trend(g.trendPts)];
}
