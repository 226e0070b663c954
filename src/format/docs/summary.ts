// Words shared by the text formats.
import type { DocFreshness } from "../../domain/freshness/types.js";
import { inlineSafe } from "../text.js";
import type { CheckDocsResult } from "./types.js";
import { count } from "../../util/plural.js";

/** `--owner` is the user's text, echoed back: escaped for the output (terminal by default, markdown by the markdown format). */
export function summaryLine(result: CheckDocsResult, escapeText: (text: string) => string = inlineSafe): string {
  const { counts, today } = result.report;
  const total = result.report.docs.length;
  const owner = result.owner === null ? "" : ` owned by ${escapeText(result.owner)}`;
  return `${count(total, "doc")}${owner} as of ${today}: ${counts.fresh} fresh, ${counts.due} due, ${counts.stale} stale, ${counts.broken} broken`;
}

export function reviewedText(doc: DocFreshness): string {
  if (!doc.lastReview) return "never";
  return doc.lastReview.by ? `${doc.lastReview.date} (${doc.lastReview.by})` : doc.lastReview.date;
}

export function criticalityText(criticality: string | null): string {
  return criticality ?? "no criticality";
}
