// Stable JSON shape of tam status (version 1); docs/commands/status.md documents it.
import type { StatusReport } from "../../domain/tracking/status.js";
import { jsonText } from "../text.js";

export function formatJson(report: StatusReport): string {
  return jsonText({ version: 1, today: report.today, department: report.department ?? null, changes: report.changes, readyByDepartment: report.readyByDepartment });
}
