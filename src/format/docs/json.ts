// Stable JSON shape, documented in docs/commands/docs.md: { version: 1, asOf, failOn, failed, summary, history, warnings, settings, docs[], coverage, meta }.
import type { CheckDocsResult } from "./types.js";
import { jsonText } from "../text.js";

export function formatJson(result: CheckDocsResult): string {
  const { report } = result;
  const shape = {
    version: 1,
    asOf: report.today,
    owner: result.owner,
    failOn: result.failOn,
    failed: result.failed,
    summary: report.counts,
    history: report.history,
    warnings: result.warnings,
    settings: report.settings,
    docs: report.docs.map((doc) => ({
      id: doc.id,
      title: doc.title,
      state: doc.state,
      owner: doc.owner,
      location: doc.location,
      external: doc.external,
      covers: doc.covers,
      lastReview: doc.lastReview,
      interval: doc.interval,
      dueDate: doc.dueDate,
      reasons: doc.reasons,
      file: doc.source?.file ?? null,
      line: doc.source?.line ?? null,
    })),
    coverage: report.coverage,
    meta: result.meta,
  };
  return jsonText(shape);
}
