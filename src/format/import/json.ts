// The import report as JSON ({"version":1, ...}): what was added, updated (with the keys changed), left
// unchanged and skipped; the errors, anomalies and warnings with their CSV lines.
import { jsonText } from "../text.js";
import type { ImportReport } from "../../app/import-incidents.js";

export function formatImportJson(report: ImportReport): string {
  const { result } = report;
  return jsonText({
    version: 1,
    file: report.file,
    preset: report.preset ?? null,
    strict: report.strict,
    written: report.written,
    refused: report.refused ?? null,
    added: result.added.map((i) => ({ id: i.id, externalId: i.external_id })),
    updated: result.updated.map((u) => ({ id: u.id, externalId: u.externalId, changed: u.edits.map((e) => e.key) })),
    unchanged: result.unchanged,
    skipped: result.skipped,
    errors: result.errors.map((e) => ({ line: e.line, externalId: e.externalId ?? null, message: e.message })),
    anomalies: result.anomalies.map((a) => ({ kind: a.kind, externalId: a.externalId, line: a.line, message: a.message })),
    warnings: result.warnings,
    gaps: result.gaps,
    notes: result.notes,
    estimated: result.estimated,
  });
}
