// The SLA report as JSON: {"version":1, ...}, durations in minutes, percentages to one decimal.
import type { Measure } from "../../domain/sla/measure.js";
import type { GroupSummary, SlaReport } from "../../domain/sla/report.js";
import type { DurationStats } from "../../domain/sla/stats.js";
import { formatZoned } from "../../domain/zoned-timestamp.js";
import { jsonText } from "../text.js";

const minutes = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : Math.round(ms / 600) / 100);
const pct = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

function statsJson(s: DurationStats) {
  return { count: s.count, medianMinutes: minutes(s.medianMs), p90Minutes: minutes(s.p90Ms), maxMinutes: minutes(s.maxMs) };
}

function groupJson(g: GroupSummary) {
  return {
    key: g.key,
    incidents: g.incidents,
    withResult: g.withResult,
    response: g.response,
    resolution: g.resolution,
    compliancePct: pct(g.compliancePct),
    goalPct: pct(g.goalPct),
    pass: g.pass,
    responseTimes: statsJson(g.responseTimes),
    resolutionTimes: statsJson(g.resolutionTimes),
    previous: { incidents: g.previous.incidents, compliancePct: pct(g.previous.compliancePct) },
    trendPts: pct(g.trendPts),
  };
}

function measureJson(m: Measure, zone: string) {
  return {
    state: m.state,
    elapsedMinutes: minutes(m.elapsedMs),
    targetMinutes: minutes(m.targetMs),
    remainingMinutes: minutes(m.remainingMs),
    overByMinutes: minutes(m.overByMs),
    due: m.dueAt !== undefined && Number.isFinite(m.dueAt) ? formatZoned(m.dueAt, zone) : null,
  };
}

export function formatJson(report: SlaReport): string {
  const zone = report.timezone;
  const span = (s: { label: string; fromDate: string; toDate: string }) => ({ label: s.label, from: s.fromDate, to: s.toDate });
  return jsonText({
    version: 1,
    asOf: formatZoned(report.now, zone),
    timezone: zone,
    period: span(report.period),
    previousPeriod: span(report.period.previous),
    by: report.by,
    groups: report.groups.map(groupJson),
    total: groupJson(report.total),
    open: report.open.map((o) => ({ ...o, response: measureJson(o.response, zone), resolution: measureJson(o.resolution, zone) })),
    breaches: report.breaches.map((b) => ({
      ...b,
      response: b.response ? measureJson(b.response, zone) : null,
      resolution: b.resolution ? measureJson(b.resolution, zone) : null,
    })),
    recurring: report.recurring,
    withoutTarget: report.withoutTarget,
    estimated: report.estimated,
  });
}
