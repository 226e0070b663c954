// tam incident import FILE.csv: service-desk exports into incidents/<YYYY-MM>.yaml. New incidents are
// added; incidents imported before (same external_id) are updated from the newer export; importing the
// same file twice changes nothing.
import { planIncidentImport, type ImportIncidentsOptions } from "../app/import-incidents.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { importFormatters, summaryLine } from "../format/import/index.js";
import { pickFormatter } from "../format/registry.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";
import { saveIncidentFiles } from "./incident-save.js";
import { progressBar } from "./progress.js";

export interface IncidentImportOptions extends Omit<ImportIncidentsOptions, "project" | "onProgress"> {
  format?: string;
  commit: boolean;
}

export async function runIncidentImport(globals: GlobalOptions, file: string, options: IncidentImportOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(importFormatters, options.format ?? "text");
  const { project, report, texts } = planIncidentImport(file, { ...options, project: globals.project, onProgress: progressBar(process.stderr, "reading rows") });
  const print = () => {
    const text = format(report, { color: false });
    if (options.format === "json") output.out(text);
    else output.err(text.replace(/\n$/, ""));
  };
  if (report.refused) {
    print();
    return EXIT_FINDINGS;
  }
  if (texts.size > 0) await saveIncidentFiles(project, texts, `incidents: import from ${file.split(/[\\/]/).pop()}: ${summaryLine(report.result)}`, options.commit, output);
  print();
  return EXIT_OK;
}
