// tam validate: schema and cross-file checks for CI. Several reports at once, as Spectral allows:
// `--format sarif --output tam.sarif --format github` writes SARIF to a file and annotations to stdout.
import { resolve } from "node:path";
import { compareIssues, countBySeverity, SEVERITY_RANK, type Severity } from "../model/issues.js";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { projectIssues } from "../project/check.js";
import { repositoryPrefix } from "../project/discover.js";
import { schemaCopyIssues } from "../project/schemas.js";
import { writeFileAtomic } from "../project/write.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { validateFormatters } from "../format/validate/index.js";
import { VERSION } from "../version.js";
import { checkReviews } from "../domain/validation/review-rules.js";
import { checkMeetingActions } from "../domain/validation/meeting-rules.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";

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
  const project = openProject(globals);
  const clock = clockFor(project, options.asOf);
  const issues = [...projectIssues(project), ...schemaCopyIssues(project.root, VERSION), ...checkReviews(project, clock), ...checkMeetingActions(project, clock.today)].sort(compareIssues);
  const counts = countBySeverity(issues);
  const failed = issues.some((issue) => SEVERITY_RANK[issue.severity] >= SEVERITY_RANK[options.failOn]);
  const result = { root: project.root, repoPrefix: repositoryPrefix(project.root), toolVersion: VERSION, filesChecked: project.files.length, issues, counts, failOn: options.failOn, failed };
  for (const report of formats) {
    // A file never gets colour; stdout only on a terminal that allows it.
    const text = report.format(result, { color: report.output === undefined && useColor(globals.color), width: report.output === undefined ? process.stdout.columns : undefined });
    if (report.output === undefined) output.out(text);
    else writeFileAtomic(resolve(report.output), text);
  }
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
