// tam report: the document for a client meeting, deterministic with --as-of.
import { resolve } from "node:path";
import { clientReport, type ClientReportOptions } from "../app/client-report.js";
import { EXIT_OK } from "../errors.js";
import { pickFormatter } from "../format/registry.js";
import { reportFormatters } from "../format/report/index.js";
import { inlineSafe } from "../format/text.js";
import { outputWriteError, refuseOutputPath, writeOutputFile } from "../app/output-file.js";
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
    const target = resolve(process.cwd(), options.output);
    // A folder, a path under a file, an unwritable place: a usage error naming the path as given.
    refuseOutputPath(target, options.output);
    try {
      writeOutputFile(target, text);
    } catch (error) {
      throw outputWriteError(error, options.output);
    }
    output.err(inlineSafe(`wrote the ${report.header.period.label} report (${report.header.audience}) to ${options.output}`));
  } else output.out(text);
  return EXIT_OK;
}
