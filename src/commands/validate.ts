// tam validate: schema and cross-file checks for CI.
import { countBySeverity, SEVERITY_RANK, type Severity } from "../model/issues.js";
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { projectIssues } from "../project/check.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { validateFormatters } from "../format/validate/index.js";
import { openProject, processOutput, type GlobalOptions, type Output } from "./context.js";

export interface ValidateOptions {
  format: string;
  failOn: Severity;
}

export async function runValidate(globals: GlobalOptions, options: ValidateOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(validateFormatters, options.format);
  const project = openProject(globals);
  const issues = projectIssues(project);
  const counts = countBySeverity(issues);
  const failed = issues.some((issue) => SEVERITY_RANK[issue.severity] >= SEVERITY_RANK[options.failOn]);
  const text = format(
    { root: project.root, filesChecked: project.files.length, issues, counts, failOn: options.failOn, failed },
    { color: useColor(globals.color), width: process.stdout.columns },
  );
  output.out(text);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
