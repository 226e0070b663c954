// The SLA report as plain text for an e-mail or a chat: sentences per group, no table to break
// in a mail client. User text is made terminal-safe and kept on one line.
import type { GroupSummary, SlaReport } from "../../domain/sla/report.js";
import { formatZonedShort } from "../../domain/zoned-timestamp.js";
import { inlineSafe } from "../text.js";
import { allGoalNote, breachText, causeText, estimatedLine, measureText, percent, RECURRING_NONE, recurringHeading, trend } from "./view.js";

export function formatText(report: SlaReport): string {
  const zone = report.timezone;
  const { period } = report;
  const out = [`SLA report ${period.label} (${period.fromDate} to ${period.toDate}, ${zone}), by ${report.by}, as of ${formatZonedShort(report.now, zone)}`, ""];
  for (const group of report.groups) out.push(groupLine(inlineSafe(group.key), group, period.previous.label));
  out.push(groupLine("All", report.total, period.previous.label));
  const goalNote = allGoalNote(report);
  if (goalNote) out.push(goalNote);
  if (report.withoutTarget.length) out.push(`Without an SLA target for their priority: ${report.withoutTarget.map(inlineSafe).join(", ")}.`);
  const estimated = estimatedLine(report.estimated.map(inlineSafe));
  if (estimated) out.push(`${estimated}.`);

  out.push("", `Open incidents (${report.open.length})${report.open.length ? ":" : ": none."}`);
  for (const o of report.open) out.push(`- ${o.id} (${o.priority}) ${inlineSafe(o.title)}: response ${measureText(o.response, zone)}; resolution ${measureText(o.resolution, zone)}.`);
  out.push("", `Breaches (${report.breaches.length})${report.breaches.length ? ":" : ": none."}`);
  for (const b of report.breaches) {
    const missed = [breachText("response", b.response), breachText("resolution", b.resolution)].filter(Boolean).join("; ");
    out.push(`- ${b.id} (${b.priority}) ${inlineSafe(b.title)}: ${missed}. Cause: ${inlineSafe(causeText(b))}.`);
  }
  out.push("", `${recurringHeading(report)}${report.recurring.length ? ":" : `: ${RECURRING_NONE}.`}`);
  for (const r of report.recurring) out.push(`- ${inlineSafe(r.component)}: ${r.incidents.length} × ${r.cause} (${r.incidents.join(", ")}).`);
  return `${out.join("\n")}\n`;
}

function groupLine(name: string, g: GroupSummary, previous: string): string {
  if (g.compliancePct === null) return `${name}: ${g.incidents} ${g.incidents === 1 ? "incident" : "incidents"}, none with a result yet.`;
  const result = g.pass === null ? "" : g.pass ? ", met" : ", missed";
  const change = g.trendPts === null ? "" : ` (${trend(g.trendPts)} against ${previous})`;
  return `${name}: ${g.incidents} ${g.incidents === 1 ? "incident" : "incidents"}, ${percent(g.compliancePct)} within target against a goal of ${percent(g.goalPct)}${result}${change}.`;
}
