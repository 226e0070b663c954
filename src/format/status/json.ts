// Stable JSON shape of tam status (version 2); docs/commands/status.md documents it.
import type { StatusReport } from "../../domain/tracking/status.js";
import { jsonText } from "../text.js";

export function formatJson(report: StatusReport): string {
  return jsonText({
    version: 2,
    today: report.today,
    department: report.department ?? null,
    assignee: report.assignee ?? null,
    changes: report.changes,
    departments: report.departments,
    readyByDepartment: report.readyByDepartment,
    reviews: report.reviews ?? null,
    updates: report.updates ?? null,
    escalations: report.escalations,
    meetingActions: report.meetingActions ?? null,
    findings: report.findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message, file: f.file, line: f.line ?? null, col: f.col ?? null })),
  });
}
