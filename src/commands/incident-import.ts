// tam incident import FILE.csv: service-desk exports into incidents/<YYYY-MM>.yaml
// (src/app/import-incidents.ts). New incidents are added; incidents imported before (same external_id)
// are updated from the newer export; importing the same file twice changes nothing.
import { importIncidentFile, type ImportIncidentsOptions } from "../app/import-incidents.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { importFormatters } from "../format/import/index.js";
import { pickFormatter } from "../format/registry.js";
import { plainOutput, processOutput, type GlobalOptions, type Output } from "./context.js";
import { reportIncidentWrite } from "./incident-save.js";
import { progressBar } from "./progress.js";
import type { WriteFlags } from "./write-flags.js";

export interface IncidentImportOptions extends Omit<ImportIncidentsOptions, "project">, WriteFlags {
  format?: string;
  commit: boolean;
}

export async function runIncidentImport(globals: GlobalOptions, file: string, options: IncidentImportOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(importFormatters, options.format ?? "text");
  const done = await importIncidentFile(file, { ...options, project: globals.project, onProgress: progressBar(process.stderr, "reading rows"), warn: plainOutput(output).err });
  const { report } = done;
  if (done.write) reportIncidentWrite(done.write, output);
  const text = format(report, { color: false });
  if (options.format === "json") output.out(text);
  else output.err(text.replace(/\n$/, ""));
  return report.refused ? EXIT_FINDINGS : EXIT_OK;
}
