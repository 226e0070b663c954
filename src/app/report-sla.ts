// Use case: the SLA report of a period (tam sla report).
import { UsageError } from "../errors.js";
import { resolvePeriod } from "../domain/sla/period.js";
import { GROUP_BYS, slaReport, type GroupBy, type SlaReport } from "../domain/sla/report.js";
import { requireValid } from "../project/check.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";

export interface ReportSlaOptions extends ProjectOptions, ClockOptions {
  /** "2026-10", "2026-Q4", "2026" … or `from`/`to` dates. */
  period?: string;
  from?: string;
  to?: string;
  by: string;
}

export interface ReportSlaResult {
  report: SlaReport;
  /** Things the user should know that are not part of the report itself. */
  notes: string[];
}

export function reportSla(options: ReportSlaOptions): ReportSlaResult {
  if (!GROUP_BYS.includes(options.by as GroupBy)) throw new UsageError(`--by must be one of ${GROUP_BYS.join(", ")}`);
  const project = openProject(options, ["departments", "architecture", "incidents"]);
  requireValid(project);
  const manifest = project.manifest!;
  const clock = clockFor(project, options.asOf, options.now);
  const period = resolvePeriod(options, clock.today, clock.timezone);
  if (typeof period === "string") throw new UsageError(period);
  const notes: string[] = [];
  if (!manifest.sla || Object.keys(manifest.sla).length === 0) notes.push("tam.yaml has no `sla` targets: every incident is reported as without a target");
  const report = slaReport({ manifest, incidents: project.incidents, now: clock.now, timezone: clock.timezone, period, by: options.by as GroupBy });
  return { report, notes };
}
