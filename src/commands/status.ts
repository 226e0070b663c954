// tam status: every open change, what each department can pick up now, what is blocked or late.
import { EXIT_OK, UsageError } from "../errors.js";
import { projectStatus } from "../domain/tracking/status.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { canonicalId } from "../util/ids.js";
import { statusFormatters } from "../format/status/index.js";
import { requireValid } from "../project/check.js";
import { closest } from "../util/suggest.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";

export interface StatusOptions {
  format: string;
  asOf?: string;
  department?: string;
}

export async function runStatus(globals: GlobalOptions, options: StatusOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(statusFormatters, options.format);
  const project = openProject(globals);
  requireValid(project);
  const clock = clockFor(project, options.asOf);
  const department = options.department === undefined ? undefined : (canonicalId(options.department, project.departments.map((d) => d.id)) ?? options.department);
  if (department && !project.departments.some((d) => d.id === department)) {
    const guess = closest(department, project.departments.map((d) => d.id));
    throw new UsageError(`no department ${department}${guess ? `: did you mean ${guess}?` : ""}`);
  }
  const report = projectStatus({ ...project, today: clock.today, timezone: clock.timezone, department });
  output.out(format(report, { color: useColor(globals.color), width: process.stdout.columns }));
  return EXIT_OK;
}
