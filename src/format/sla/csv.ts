// The SLA report's group rows as CSV (RFC 4180), one row per group and a total row.
import type { GroupSummary, SlaReport } from "../../domain/sla/report.js";
import { csvRow } from "../csv-cell.js";

const minutes = (ms: number | null) => (ms === null ? "" : String(Math.round(ms / 600) / 100));
const pct = (value: number | null) => (value === null ? "" : value.toFixed(1));

const HEADER = [
  "period",
  "by",
  "group",
  "incidents",
  "with_result",
  "response_met",
  "response_breached",
  "response_pending",
  "resolution_met",
  "resolution_breached",
  "resolution_pending",
  "compliance_pct",
  "goal_pct",
  "result",
  "response_median_min",
  "response_p90_min",
  "response_max_min",
  "resolution_median_min",
  "resolution_p90_min",
  "resolution_max_min",
  "previous_incidents",
  "previous_compliance_pct",
  "trend_pts",
];

function row(report: SlaReport, g: GroupSummary): string[] {
  return [
    report.period.label,
    report.by,
    g.key,
    String(g.incidents),
    String(g.withResult),
    String(g.response.met),
    String(g.response.breached),
    String(g.response.pending),
    String(g.resolution.met),
    String(g.resolution.breached),
    String(g.resolution.pending),
    pct(g.compliancePct),
    pct(g.goalPct),
    g.pass === null ? "" : g.pass ? "pass" : "fail",
    minutes(g.responseTimes.medianMs),
    minutes(g.responseTimes.p90Ms),
    minutes(g.responseTimes.maxMs),
    minutes(g.resolutionTimes.medianMs),
    minutes(g.resolutionTimes.p90Ms),
    minutes(g.resolutionTimes.maxMs),
    String(g.previous.incidents),
    pct(g.previous.compliancePct),
    pct(g.trendPts),
  ];
}

export function formatCsv(report: SlaReport): string {
  const rows = [HEADER, ...report.groups.map((g) => row(report, g)), row(report, report.total)];
  return `${rows.map(csvRow).join("\r\n")}\r\n`;
}
