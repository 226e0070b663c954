// tam status: every open change (forecast vs due vs promise, slip), and per department what it can
// start now, what is queued, in progress, blocked, late. Dates from the one scheduling engine.
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import { projectStatus } from "../domain/tracking/status.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { canonicalId } from "../util/ids.js";
import { statusFormatters } from "../format/status/index.js";
import { SEVERITY_RANK, type Severity } from "../model/issues.js";
import { requireValid } from "../project/check.js";
import { gitOrLoginName } from "../project/identity.js";
import { closest } from "../util/suggest.js";
import { clockFor, openProject, processOutput, projectAsOf, type GlobalOptions, type Output } from "./context.js";

export interface StatusOptions {
  format: string;
  asOf?: string;
  department?: string;
  mine?: boolean;
  failOn?: Severity | "never";
}

export async function runStatus(globals: GlobalOptions, options: StatusOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(statusFormatters, options.format);
  const read = openProject(globals);
  requireValid(read);
  const clock = clockFor(read, options.asOf);
  // As of a past date, work recorded later has not happened yet.
  const project = projectAsOf(read, clock);
  const department =
    options.department === undefined
      ? undefined
      : (canonicalId(
          options.department,
          project.departments.map((d) => d.id),
        ) ?? options.department);
  if (department && !project.departments.some((d) => d.id === department)) {
    const guess = closest(
      department,
      project.departments.map((d) => d.id),
    );
    throw new UsageError(`no department ${department}${guess ? `: did you mean ${guess}?` : ""}`);
  }
  let assignee: string | undefined;
  if (options.mine) {
    assignee = await gitOrLoginName(project.root);
    if (!assignee) throw new UsageError("--mine needs your name: set git's user.name (git config user.name 'Your Name')");
  }
  const report = projectStatus({ ...project, incidents: project.incidents, today: clock.today, timezone: clock.timezone, now: clock.now, department, assignee, where: project.where });
  output.out(format(report, { color: useColor(globals.color), width: process.stdout.columns }));
  const failOn = options.failOn ?? "never";
  return failOn !== "never" && report.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? EXIT_FINDINGS : EXIT_OK;
}
