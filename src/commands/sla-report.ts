// tam sla report: SLA compliance of a period, grouped, with open incidents, breaches and recurring causes.
import { reportSla, type ReportSlaOptions } from "../app/report-sla.js";
import { EXIT_OK } from "../errors.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { slaFormatters } from "../format/sla/index.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

export interface SlaReportOptions extends Omit<ReportSlaOptions, "project"> {
  format: string;
}

export async function runSlaReport(globals: GlobalOptions, options: SlaReportOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(slaFormatters, options.format);
  const { report, notes } = reportSla({ ...options, project: globals.project });
  for (const note of notes) output.err(`tam: ${note}`);
  output.out(format(report, { color: useColor(globals.color), width: process.stdout.columns }));
  return EXIT_OK;
}
