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
import { importFormatters, summaryLine, type ImportReport } from "../format/import/index.js";
import { pickFormatter } from "../format/registry.js";

export interface IncidentImportOptions extends MappingFlags {
  skipInvalid?: boolean;
  strict?: boolean;
  encoding?: string;
  maxSize?: string;
  format?: string;
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
  const format = pickFormatter(importFormatters, options.format ?? "text");
  const { mapping, presetFile } = loadMapping(options, zone, table.header);
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
  const report: ImportReport = { file, ...(presetFile ? { preset: { name: options.preset!, file: presetFile } } : {}), strict: Boolean(options.strict), result, written: [] };
  const print = () => (options.format === "json" ? output.out(format(report, { color: false })) : output.err(format(report, { color: false }).replace(/\n$/, "")));
  const anomalies = result.anomalies.length;
  if (!options.skipInvalid && (result.errors.length > 0 || (options.strict && anomalies > 0))) {
    const what = result.errors.length ? `${result.errors.length} row(s) cannot be read` : `${anomalies} anomal${anomalies === 1 ? "y" : "ies"} under --strict`;
    report.refused = `${what}; nothing was imported (fix them, or pass --skip-invalid to import the other incidents)`;
    print();
    return EXIT_FINDINGS;
  }
  const texts = importTexts(project, result, zone);
  if (texts.size > 0) await saveIncidentFiles(project, texts, `incidents: import from ${file.split(/[\\/]/).pop()}: ${summaryLine(result)}`, options.commit, output);
  report.written = [...texts.keys()].sort();
  print();
  return EXIT_OK;
}
