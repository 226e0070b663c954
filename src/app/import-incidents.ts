// Use case: a service-desk export into the project's incidents (tam incident import). Reads the CSV and
// the mapping, decides what is added, updated, unchanged and skipped, and writes the incident files in
// one write transaction (src/project/transaction.ts). Prints nothing.
import { UsageError } from "../errors.js";
import { parseCsv, sniffDelimiter } from "../domain/csv.js";
import { isValidTimeZone } from "../domain/zone.js";
import type { CsvTable } from "../domain/csv.js";
import { CLOSED_WITHOUT_RESOLUTION, importIncidents, type ImportMapping, type ImportResult } from "../domain/incidents/import.js";
import type { Incident } from "../model/files.js";
import { requireValid } from "../project/check.js";
import { DEFAULT_MAX_CSV_MB, ENCODINGS, readCsvFile, type InputEncoding } from "../project/csv-input.js";
import { loadMapping, type MappingFlags } from "../project/import-mapping.js";
import { importEdits } from "../project/import-texts.js";
import type { FileEdit } from "../project/transaction.js";
import { reloadProject, type Project } from "../project/load.js";
import { openProject, type ProjectOptions } from "./context.js";
import { writeIncidentFiles, type IncidentWrite } from "./incident-write.js";
import type { WriteRequest } from "./write-request.js";
import { count } from "../util/plural.js";

export interface ImportIncidentsOptions extends ProjectOptions, MappingFlags {
  skipInvalid?: boolean;
  strict?: boolean;
  /** A row that says resolved or closed without a resolution time: estimate (default) or skip. */
  closedWithoutResolution?: string;
  encoding?: string;
  /** Size limit in MB, as typed. */
  maxSize?: string;
}

/** What an import did with one file. */
export interface ImportReport {
  file: string;
  /** The preset's mapping file, when --preset chose one. */
  preset?: { name: string; file: string };
  /** Anomalies are errors (--strict). */
  strict: boolean;
  result: ImportResult;
  /** Why nothing is to be written (errors, or anomalies under --strict). */
  refused?: string;
  /** Files written (empty when nothing changed or it was refused). */
  written: string[];
}

/** The export read and its mapping resolved: what does not change while waiting for the write lock. */
export interface PreparedImport {
  file: string;
  project: Project;
  table: CsvTable;
  mapping: ImportMapping;
  presetFile?: string;
  options: ImportIncidentsOptions;
}

export interface ImportPlan {
  report: ImportReport;
  /** The edits to hand to the write transaction; empty when refused or nothing changes. */
  edits: FileEdit[];
}

/** Reads the project, the CSV (safely) and the mapping; refuses bad options and a mapping that does not fit. */
function prepareIncidentImport(file: string, options: ImportIncidentsOptions): PreparedImport {
  if (options.strict && options.skipInvalid) throw new UsageError("give --strict or --skip-invalid, not both");
  if (options.encoding !== undefined && !ENCODINGS.includes(options.encoding as InputEncoding)) throw new UsageError(`--encoding: "${options.encoding}" is not one of ${ENCODINGS.join(", ")}`);
  const maxMb = options.maxSize === undefined ? DEFAULT_MAX_CSV_MB : Number(options.maxSize);
  if (!(maxMb > 0)) throw new UsageError(`--max-size: "${options.maxSize}" is not a size in MB`);
  if (options.closedWithoutResolution !== undefined && !(CLOSED_WITHOUT_RESOLUTION as readonly string[]).includes(options.closedWithoutResolution))
    throw new UsageError(`--closed-without-resolution: "${options.closedWithoutResolution}" is not one of ${CLOSED_WITHOUT_RESOLUTION.join(", ")}`);
  const project = openProject(options);
  requireValid(project);
  const zone = project.manifest!.timezone;
  const text = readCsvFile(file, { encoding: options.encoding as InputEncoding | undefined, maxMb });
  const table = parseCsv(text, sniffDelimiter(text));
  const { mapping, presetFile } = loadMapping(options, zone, table.header);
  if (!isValidTimeZone(mapping.timezone)) throw new UsageError(`--timezone: "${mapping.timezone}" is not an IANA time zone`);
  return { file, project, table, mapping, ...(presetFile ? { presetFile } : {}), options };
}

/**
 * What the export does to `project` (the one prepared, or the project re-read under the write lock:
 * another import or add may just have landed, so ids and what is already there are decided again).
 */
function planIncidentImport(prepared: PreparedImport, project: Project = prepared.project, onProgress?: (done: number, total: number) => void): ImportPlan {
  const { file, table, mapping, presetFile, options } = prepared;
  const zone = project.manifest!.timezone;
  const existing = new Map<string, Incident>();
  for (const incident of project.incidents) if (incident.external_id) existing.set(incident.external_id, incident);
  const context = { existingIds: project.incidents.map((i) => i.id), existing, departments: new Set(project.departments.map((d) => d.id)), components: new Set(project.components.map((c) => c.id)) };
  const result = importIncidents(
    table,
    mapping,
    context,
    zone,
    { skipInvalid: options.skipInvalid, closedWithoutResolution: options.closedWithoutResolution as "estimate" | "skip" | undefined },
    onProgress,
  );
  if (typeof result === "string") throw new UsageError(`${file}: ${result}`);
  const report: ImportReport = { file, ...(presetFile ? { preset: { name: options.preset!, file: presetFile } } : {}), strict: Boolean(options.strict), result, written: [] };
  const anomalies = result.anomalies.length;
  if (result.gaps.length) {
    // The mapping does not fit the export as a whole: skipping rows would not help.
    report.refused = `the mapping does not fit the export as a whole (${count(result.gaps.length, "error")}); nothing was imported`;
    return { report, edits: [] };
  }
  if (!options.skipInvalid && (result.errors.length > 0 || (options.strict && anomalies > 0))) {
    const what = result.errors.length ? `${count(result.errors.length, "row")} cannot be read` : `${count(anomalies, "anomaly")} under --strict`;
    // --skip-invalid is offered only when it would import something: it skips incidents with an error or an anomaly.
    const invalid = new Set([...result.errors.map((e) => e.externalId), ...result.anomalies.map((a) => a.externalId)]);
    const others = [...result.added.map((i) => i.external_id), ...result.updated.map((u) => u.externalId), ...result.unchanged].filter((id) => !invalid.has(id)).length;
    report.refused = `${what}; nothing was imported (${others > 0 ? "fix them, or pass --skip-invalid to import the other incidents" : "fix them: no incident of the file could be imported without them"})`;
    return { report, edits: [] };
  }
  return { report, edits: importEdits(project, result, zone) };
}

/** What an import did, in one line (the commit message's and the report's). */
export const importSummary = (r: ImportReport["result"]): string => `added ${r.added.length}, updated ${r.updated.length}, unchanged ${r.unchanged.length}, skipped ${r.skipped.length}`;

export interface ImportIncidentsRequest extends ImportIncidentsOptions, WriteRequest {
  /** Rows read so far, of how many (the first reading only). */
  onProgress?: (done: number, total: number) => void;
}

/** The import of `file`: planned, and written unless refused or nothing changes (`written` says what was). */
export async function importIncidentFile(file: string, request: ImportIncidentsRequest): Promise<{ report: ImportReport; write?: IncidentWrite }> {
  const prepared = prepareIncidentImport(file, request);
  let plan = planIncidentImport(prepared, prepared.project, request.onProgress);
  if (plan.report.refused || plan.edits.length === 0) return { report: plan.report };
  const edits = () => {
    // Under the lock: ids and what is already present are decided again on the project as it is now.
    plan = planIncidentImport(prepared, reloadProject(prepared.project));
    if (plan.report.refused) throw new UsageError(`${file}: the project changed while importing: ${plan.report.refused}`);
    return plan.edits;
  };
  const saved = await writeIncidentFiles(prepared.project, edits, () => `incidents: import from ${file.split(/[\\/]/).pop()}: ${importSummary(plan.report.result)}`, request);
  plan.report.written = saved.write.written;
  return { report: plan.report, write: saved };
}
