// tam report: the document for a client meeting, deterministic with --as-of.
import { clientReport, type ClientReportOptions } from "../app/client-report.js";
import { EXIT_OK } from "../errors.js";
import { pickFormatter } from "../format/registry.js";
import { reportFormatters } from "../format/report/index.js";
import { inlineSafe } from "../format/text.js";
import { writeOutputFile } from "../app/output-file.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

export interface ReportOptions extends Omit<ClientReportOptions, "project"> {
  format: string;
  output?: string;
}

export async function runReport(globals: GlobalOptions, options: ReportOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(reportFormatters, options.format);
  const { report, notes } = await clientReport({ ...options, project: globals.project });
  for (const note of notes) output.err(inlineSafe(`tam: note: ${note}`));
  const text = format(report, { color: false });
  if (options.output) {
    writeOutputFile(options.output, text);
    output.err(inlineSafe(`wrote the ${report.header.period.label} report (${report.header.audience}) to ${options.output}`));
  } else output.out(text);
  return EXIT_OK;
}
