// Stable JSON shape of tam status (version 1); docs/commands/status.md documents it.
import type { StatusReport } from "../../domain/tracking/status.js";

export function formatJson(report: StatusReport): string {
  return `${JSON.stringify({ version: 1, today: report.today, department: report.department ?? null, changes: report.changes, readyByDepartment: report.readyByDepartment }, null, 2)}\n`;
}
