// The import report for a terminal: one line per warning, error and anomaly as FILE:LINE: level: INCIDENT: what
// (CSV text made terminal-safe), the anomalies counted by kind, the notes (order of dates assumed, what cannot be
// measured, columns not imported) and estimated times, then the summary or why nothing was written.
import { terminalSafe } from "../text.js";
import { importSummary as summaryLine, type ImportReport } from "../../app/import-incidents.js";

function anomalyCounts(anomalies: readonly { kind: string }[]): string {
  const counts = new Map<string, number>();
  for (const a of anomalies) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
}

export function formatImportText(report: ImportReport): string {
  const { file, result } = report;
  const lines: string[] = [];
  if (report.preset) lines.push(`preset ${report.preset.name}: ${report.preset.file}`);
  for (const warning of result.warnings) lines.push(`${file}: warning: ${warning}`);
  for (const gap of result.gaps) lines.push(`${file}: error: ${gap}`);
  for (const error of result.errors) lines.push(`${file}:${error.line}: error: ${error.externalId ? `${error.externalId}: ` : ""}${error.message}`);
  const level = report.strict ? "error" : "warning";
  for (const a of result.anomalies) lines.push(`${file}:${a.line}: ${level}: ${a.externalId}: ${a.message} [${a.kind}]`);
  const n = result.anomalies.length;
  if (n) lines.push(`${n} anomal${n === 1 ? "y" : "ies"}: ${anomalyCounts(result.anomalies)}`);
  if (!report.refused) {
    for (const note of result.notes) lines.push(`${file}: note: ${note}`);
    const e = result.estimated.length;
    if (e) lines.push(`${e} resolution time${e === 1 ? "" : "s"} estimated from the last update (marked \`estimated\` in the incidents; the SLA report counts them)`);
  }
  lines.push(report.refused ? `tam: ${report.refused}` : summaryLine(result));
  return `${lines.map(terminalSafe).join("\n")}\n`;
}
