// The invisible marker a report carries: its date and the risks it named, for the next `--since`.
import { previousReportMarker } from "../../domain/report/since.js";
import type { ClientReport } from "../../domain/report/types.js";

export function reportMarker(report: ClientReport): string {
  const ids = report.internal ? report.internal.risks.map((r) => r.id) : report.recommendations.map((r) => r.id);
  return previousReportMarker(report.header.asOf, ids);
}
