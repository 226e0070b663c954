// How the service moved over the months before the report: SLA compliance against the goal and
// incidents by priority, one entry per calendar month (the first question of a service review).
import { PRIORITIES, type Incident, type Manifest, type Priority } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import { incidentSla, type IncidentSla } from "../sla/measure.js";
import { monthSpan, previousMonth, type Period, type Span } from "../sla/period.js";
import { slaPolicy } from "../sla/policy.js";
import { compliance } from "../sla/report.js";

/** At most this many months back; fewer when the project's incidents start later (empty months say nothing). */
const HISTORY_MONTHS_MAX = 12;

export interface MonthHistory {
  /** YYYY-MM. */
  month: string;
  incidents: number;
  byPriority: Record<Priority, number>;
  /** Incidents with a known outcome, and the share of them meeting both targets (null without any). */
  withResult: number;
  compliancePct: number | null;
  goalPct: number | null;
}

export interface HistoryInput {
  manifest: Manifest;
  incidents: readonly Incident[];
  period: Period;
  now: number;
  timezone: string;
}

/**
 * Months up to the one the period ends in, as of `now`; starts at the first month with incidents.
 * `measured`: the SLA clocks the caller's SLA report took of the same incidents, as of the same
 * `now` under the same manifest (see slaReport), read instead of measuring those incidents again.
 */
export function serviceHistory(input: HistoryInput, measured?: ReadonlyMap<Incident, IncidentSla>): MonthHistory[] {
  const [endYear, endMonth] = input.period.toDate.split("-").map(Number) as [number, number];
  const spans: Span[] = [];
  let ym: [number, number] = [endYear, endMonth];
  for (let i = 0; i < HISTORY_MONTHS_MAX; i++, ym = previousMonth(...ym)) spans.unshift(monthSpan(...ym, input.timezone));
  const policy = slaPolicy(input.manifest);
  const buckets = spans.map(() => ({ all: [] as Incident[], clocks: [] as IncidentSla[] }));
  const first = spans[0]!.start;
  const last = spans[spans.length - 1]!.end;
  for (const incident of input.incidents) {
    const opened = parseTimestamp(incident.opened);
    if (!(opened >= first && opened < last && opened <= input.now)) continue;
    const index = spans.findIndex((s) => opened >= s.start && opened < s.end);
    const bucket = buckets[index]!;
    bucket.all.push(incident);
    const rule = policy[incident.priority];
    if (rule) bucket.clocks.push(measured?.get(incident) ?? incidentSla(incident, rule, input.now));
  }
  const months = spans.map((span, i) => {
    const { all, clocks } = buckets[i]!;
    const result = compliance(clocks);
    const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, all.filter((x) => x.priority === p).length])) as Record<Priority, number>;
    return { month: span.label, incidents: all.length, byPriority, withResult: result.withResult, compliancePct: result.pct, goalPct: result.goal };
  });
  const firstWithData = months.findIndex((m) => m.incidents > 0);
  if (firstWithData < 0) return [];
  return months.slice(firstWithData);
}
