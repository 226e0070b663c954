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
import { reloadProject, type Project } from "../project/load.js";
import type { FileEdit } from "../project/transaction.js";
import type { Incident } from "../model/files.js";
import { openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { saveIncidentFiles } from "./incident-save.js";
import type { WriteFlags } from "./write-flags.js";
import { progressBar } from "./progress.js";

export interface IncidentImportOptions extends MappingFlags, WriteFlags {
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
  const run = (current: Project, progress?: ReturnType<typeof progressBar>) =>
    importIncidents(
      table.header,
      table.records,
      mapping,
      {
        existingIds: current.incidents.map((i) => i.id),
        existingExternalIds: new Set(current.incidents.map((i) => i.external_id).filter((id): id is string => Boolean(id))),
        departments: new Set(current.departments.map((d) => d.id)),
        components: new Set(current.components.map((c) => c.id)),
      },
      zone,
      progress,
    );
  const result = run(project, progressBar(process.stderr, "reading rows"));
  if (typeof result === "string") throw new UsageError(`${file}: ${result}`);
  const errors = [...table.errors.map((e) => ({ row: e.row, message: e.message })), ...result.errors].sort((a, b) => a.row - b.row);
  for (const error of errors) output.err(`${file}: row ${error.row}: ${error.message}`);
  if (errors.length > 0 && !options.skipInvalid) {
    output.err(`tam: ${errors.length} row(s) cannot be read; nothing was imported (fix them, or pass --skip-invalid)`);
    return EXIT_FINDINGS;
  }
  let imported = result;
  const modeline = modelineFor(project);
  const edits = (): FileEdit[] => {
    // Ids and what is already present are decided again under the lock: another import or add may just have landed.
    const again = run(reloadProject(project));
    if (typeof again === "string") throw new UsageError(`${file}: ${again}`);
    imported = again;
    const byFile = new Map<string, Incident[]>();
    for (const incident of again.incidents) {
      const rel = incidentFileFor(incident.opened, zone);
      byFile.set(rel, [...(byFile.get(rel) ?? []), incident]);
    }
    return [...byFile].map(([rel, added]) => ({
      path: rel,
      edit: (text, source) => {
        const next = appendIncidents(text, added, text === null ? modeline : null);
        verifyIncidents(next, [...((source?.data as { incidents?: Incident[] } | undefined)?.incidents ?? []), ...added]);
        return next;
      },
    }));
  };
  if (result.incidents.length > 0) await saveIncidentFiles(project, edits, () => `incidents: import ${imported.incidents.length} from ${file.split(/[\\/]/).pop()}`, options, output);
  output.err(`imported ${imported.incidents.length} incident(s), ${imported.skipped.length} already present${errors.length ? `, ${errors.length} row(s) skipped` : ""}`);
  return EXIT_OK;
}
