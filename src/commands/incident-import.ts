// tam incident import FILE.csv: service-desk exports into incidents/<YYYY-MM>.yaml; importing twice adds nothing.
import { readFileSync } from "node:fs";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { parseCsv } from "../domain/csv.js";
import { isValidTimeZone } from "../domain/dates.js";
import { importIncidents } from "../domain/incidents/import.js";
import { incidentFileFor } from "../domain/incidents/record.js";
import { requireValid } from "../project/check.js";
import { appendIncidents, verifyIncidents } from "../project/incident-files.js";
import { modelineFor } from "../project/incident-store.js";
import { loadMapping, type MappingFlags } from "../project/import-mapping.js";
import type { Incident } from "../model/files.js";
import { openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { saveIncidentFiles } from "./incident-save.js";
import { progressBar } from "./progress.js";
import { count } from "../util/plural.js";

export interface IncidentImportOptions extends MappingFlags {
  skipInvalid?: boolean;
  commit: boolean;
}

export async function runIncidentImport(globals: GlobalOptions, file: string, options: IncidentImportOptions, output: Output = processOutput): Promise<number> {
  const project = openProject(globals);
  requireValid(project);
  const zone = project.manifest!.timezone;
  const mapping = loadMapping(options, zone);
  if (!isValidTimeZone(mapping.timezone)) throw new UsageError(`--timezone: "${mapping.timezone}" is not an IANA time zone`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const table = parseCsv(text);
  const progress = progressBar(process.stderr, "reading rows");
  const result = importIncidents(
    table.header,
    table.records,
    mapping,
    {
      existingIds: project.incidents.map((i) => i.id),
      existingExternalIds: new Set(project.incidents.map((i) => i.external_id).filter((id): id is string => Boolean(id))),
      departments: new Set(project.departments.map((d) => d.id)),
      components: new Set(project.components.map((c) => c.id)),
    },
    zone,
    progress,
  );
  if (typeof result === "string") throw new UsageError(`${file}: ${result}`);
  const errors = [...table.errors.map((e) => ({ row: e.row, message: e.message })), ...result.errors].sort((a, b) => a.row - b.row);
  for (const error of errors) output.err(`${file}: row ${error.row}: ${error.message}`);
  if (errors.length > 0 && !options.skipInvalid) {
    output.err(`tam: ${count(errors.length, "row")} cannot be read; nothing was imported (fix them, or pass --skip-invalid)`);
    return EXIT_FINDINGS;
  }
  const byFile = new Map<string, Incident[]>();
  for (const incident of result.incidents) {
    const rel = incidentFileFor(incident.opened, zone);
    byFile.set(rel, [...(byFile.get(rel) ?? []), incident]);
  }
  const texts = new Map<string, string>();
  const modeline = modelineFor(project);
  for (const [rel, added] of byFile) {
    const source = project.files.find((f) => f.rel === rel);
    const next = appendIncidents(source ? source.text : null, added, source ? null : modeline);
    verifyIncidents(next, [...((source?.data as { incidents?: Incident[] } | undefined)?.incidents ?? []), ...added]);
    texts.set(rel, next);
  }
  const summary = `imported ${count(result.incidents.length, "incident")}, ${result.skipped.length} already present${errors.length ? `, ${count(errors.length, "row")} skipped` : ""}`;
  if (texts.size > 0) await saveIncidentFiles(project, texts, `incidents: import ${result.incidents.length} from ${file.split(/[\\/]/).pop()}`, options.commit, output);
  output.err(summary);
  return EXIT_OK;
}
