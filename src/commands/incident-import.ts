// tam incident import FILE.csv: service-desk exports into incidents/<YYYY-MM>.yaml. New incidents are
// added; incidents imported before (same external_id) are updated from the newer export; importing the
// same file twice changes nothing.
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { parseCsv } from "../domain/csv.js";
import { isValidTimeZone } from "../domain/dates.js";
import { importIncidents } from "../domain/incidents/import.js";
import { requireValid } from "../project/check.js";
import { DEFAULT_MAX_CSV_MB, ENCODINGS, readCsvFile, type InputEncoding } from "../project/csv-input.js";
import { loadMapping, type MappingFlags } from "../project/import-mapping.js";
import { importTexts } from "../project/import-texts.js";
import type { Incident } from "../model/files.js";
import { openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { saveIncidentFiles } from "./incident-save.js";
import { progressBar } from "./progress.js";

export interface IncidentImportOptions extends MappingFlags {
  skipInvalid?: boolean;
  strict?: boolean;
  encoding?: string;
  maxSize?: string;
  commit: boolean;
}

export async function runIncidentImport(globals: GlobalOptions, file: string, options: IncidentImportOptions, output: Output = processOutput): Promise<number> {
  if (options.strict && options.skipInvalid) throw new UsageError("give --strict or --skip-invalid, not both");
  if (options.encoding !== undefined && !ENCODINGS.includes(options.encoding as InputEncoding)) throw new UsageError(`--encoding: "${options.encoding}" is not one of ${ENCODINGS.join(", ")}`);
  const maxMb = options.maxSize === undefined ? DEFAULT_MAX_CSV_MB : Number(options.maxSize);
  if (!(maxMb > 0)) throw new UsageError(`--max-size: "${options.maxSize}" is not a size in MB`);
  const project = openProject(globals);
  requireValid(project);
  const zone = project.manifest!.timezone;
  const table = parseCsv(readCsvFile(file, { encoding: options.encoding as InputEncoding | undefined, maxMb }));
  const { mapping, note } = loadMapping(options, zone, table.header);
  if (note) output.err(note);
  if (!isValidTimeZone(mapping.timezone)) throw new UsageError(`--timezone: "${mapping.timezone}" is not an IANA time zone`);
  const existing = new Map<string, Incident>();
  for (const incident of project.incidents) if (incident.external_id) existing.set(incident.external_id, incident);
  const result = importIncidents(
    table,
    mapping,
    { existingIds: project.incidents.map((i) => i.id), existing, departments: new Set(project.departments.map((d) => d.id)), components: new Set(project.components.map((c) => c.id)) },
    zone,
    { skipInvalid: options.skipInvalid },
    progressBar(process.stderr, "reading rows"),
  );
  if (typeof result === "string") throw new UsageError(`${file}: ${result}`);
  for (const warning of result.warnings) output.err(`${file}: warning: ${warning}`);
  const who = (id: string | undefined) => (id ? `${id}: ` : "");
  for (const error of result.errors) output.err(`${file}:${error.line}: error: ${who(error.externalId)}${error.message}`);
  const anomalyLevel = options.strict ? "error" : "warning";
  for (const anomaly of result.anomalies) output.err(`${file}:${anomaly.line}: ${anomalyLevel}: ${anomaly.externalId}: ${anomaly.message} [${anomaly.kind}]`);
  if (result.anomalies.length) output.err(`${result.anomalies.length} anomal${result.anomalies.length === 1 ? "y" : "ies"}: ${anomalyCounts(result.anomalies)}`);
  if (!options.skipInvalid && (result.errors.length > 0 || (options.strict && result.anomalies.length > 0))) {
    const what = result.errors.length ? `${result.errors.length} row(s) cannot be read` : `${result.anomalies.length} anomal${result.anomalies.length === 1 ? "y" : "ies"} under --strict`;
    output.err(`tam: ${what}; nothing was imported (fix them, or pass --skip-invalid to import the other incidents)`);
    return EXIT_FINDINGS;
  }
  const texts = importTexts(project, result, zone);
  const summary = `added ${result.added.length}, updated ${result.updated.length}, unchanged ${result.unchanged.length}, skipped ${result.skipped.length}`;
  if (texts.size > 0) await saveIncidentFiles(project, texts, `incidents: import from ${file.split(/[\\/]/).pop()}: ${summary}`, options.commit, output);
  output.err(summary);
  return EXIT_OK;
}

function anomalyCounts(anomalies: { kind: string }[]): string {
  const counts = new Map<string, number>();
  for (const a of anomalies) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, n]) => `${kind} ${n}`).join(", ");
}
