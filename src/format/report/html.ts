import type { ClientReport } from "../../domain/report/types.js";
export function formatReportHtml(report: ClientReport): string {
  return String(report.version);
}
