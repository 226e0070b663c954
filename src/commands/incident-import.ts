// tam incident import FILE.csv: service-desk exports into incidents/<YYYY-MM>.yaml. New incidents are
// added; incidents imported before (same external_id) are updated from the newer export; importing the
// same file twice changes nothing.
import { planIncidentImport, prepareIncidentImport, type ImportIncidentsOptions } from "../app/import-incidents.js";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { importFormatters, summaryLine } from "../format/import/index.js";
import { pickFormatter } from "../format/registry.js";
import { reloadProject } from "../project/load.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { saveIncidentFiles } from "./incident-save.js";
import { progressBar } from "./progress.js";
import type { WriteFlags } from "./write-flags.js";

export interface IncidentImportOptions extends Omit<ImportIncidentsOptions, "project">, WriteFlags {
  format?: string;
  commit: boolean;
}

export async function runIncidentImport(globals: GlobalOptions, file: string, options: IncidentImportOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(importFormatters, options.format ?? "text");
  const prepared = prepareIncidentImport(file, { ...options, project: globals.project });
  let plan = planIncidentImport(prepared, prepared.project, progressBar(process.stderr, "reading rows"));
  const print = () => {
    const text = format(plan.report, { color: false });
    if (options.format === "json") output.out(text);
    else output.err(text.replace(/\n$/, ""));
  };
  if (plan.report.refused) {
    print();
    return EXIT_FINDINGS;
  }
  if (plan.edits.length > 0) {
    const edits = () => {
      // Under the lock: ids and what is already present are decided again on the project as it is now.
      plan = planIncidentImport(prepared, reloadProject(prepared.project));
      if (plan.report.refused) throw new UsageError(`${file}: the project changed while importing: ${plan.report.refused}`);
      return plan.edits;
    };
    const written = await saveIncidentFiles(prepared.project, edits, () => `incidents: import from ${file.split(/[\\/]/).pop()}: ${summaryLine(plan.report.result)}`, options, output);
    plan.report.written = written;
  }
  print();
  return EXIT_OK;
}
