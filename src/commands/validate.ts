// tam validate: schema and cross-file checks for CI. Several reports at once, as Spectral allows:
// `--format sarif --output tam.sarif --format github` writes SARIF to a file and annotations to stdout.
import { writeOutputFile } from "../app/output-file.js";
import { validate } from "../app/validate.js";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { validateFormatters } from "../format/validate/index.js";
import type { Severity } from "../model/issues.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

/** One report: a format, written to a file or (no output) to stdout. */
export interface ValidateReport {
  format: string;
  output?: string;
}

export interface ValidateOptions {
  /** The reports to write; none: `format` alone (default pretty) on stdout. */
  reports?: ValidateReport[];
  format?: string;
  failOn: Severity;
  /** The date the time-based findings (missing-review, action-overdue, action-item-overdue) are judged on (default: now). */
  asOf?: string;
}

export async function runValidate(globals: GlobalOptions, options: ValidateOptions, output: Output = processOutput): Promise<number> {
  const reports = options.reports?.length ? options.reports : [{ format: options.format ?? "pretty" }];
  const toStdout = reports.filter((report) => report.output === undefined);
  if (toStdout.length > 1) throw new UsageError(`only one --format can go to stdout (${toStdout.map((r) => r.format).join(", ")}): give the others an --output FILE`);
  const formats = reports.map((report) => ({ ...report, format: pickFormatter(validateFormatters, report.format) }));
  const result = validate({ project: globals.project, asOf: options.asOf, failOn: options.failOn });
  for (const report of formats) {
    // A file never gets colour; stdout only on a terminal that allows it.
    const text = report.format(result, { color: report.output === undefined && useColor(globals.color), width: report.output === undefined ? process.stdout.columns : undefined });
    if (report.output === undefined) output.out(text);
    else writeOutputFile(report.output, text);
  }
  return result.failed ? EXIT_FINDINGS : EXIT_OK;
}
