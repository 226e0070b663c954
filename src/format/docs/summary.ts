// Words shared by the text formats.
import type { DocFreshness } from "../../domain/freshness/types.js";
import type { DocsCheckResult } from "./types.js";
import { count } from "../../util/plural.js";

export function summaryLine(result: DocsCheckResult): string {
  const { counts, today } = result.report;
  const total = result.report.docs.length;
  const owner = result.owner === null ? "" : ` owned by ${result.owner}`;
  return `${count(total, "doc")}${owner} as of ${today}: ${counts.fresh} fresh, ${counts.due} due, ${counts.stale} stale, ${counts.broken} broken`;
}

export function reviewedText(doc: DocFreshness): string {
  if (!doc.lastReview) return "never";
  return doc.lastReview.by ? `${doc.lastReview.date} (${doc.lastReview.by})` : doc.lastReview.date;
}

export function criticalityText(criticality: string | null): string {
  return criticality ?? "no criticality";
}
