// tam sla report: SLA compliance of a period, grouped, with open incidents, breaches and recurring causes.
import { EXIT_OK } from "../errors.js";
import { UsageError } from "../errors.js";
import { resolvePeriod } from "../domain/sla/period.js";
import { GROUP_BYS, slaReport, type GroupBy } from "../domain/sla/report.js";
import { pickFormatter, useColor } from "../format/registry.js";
import { slaFormatters } from "../format/sla/index.js";
import { requireValid } from "../project/check.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";

export interface SlaReportOptions {
  format: string;
  period?: string;
  from?: string;
  to?: string;
  by: string;
  asOf?: string;
}

export async function runSlaReport(globals: GlobalOptions, options: SlaReportOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(slaFormatters, options.format);
  if (!GROUP_BYS.includes(options.by as GroupBy)) throw new UsageError(`--by must be one of ${GROUP_BYS.join(", ")}`);
  const project = openProject(globals, ["departments", "architecture", "incidents"]);
  requireValid(project);
  const manifest = project.manifest!;
  const clock = clockFor(project, options.asOf);
  const period = resolvePeriod(options, clock.today, clock.timezone);
  if (typeof period === "string") throw new UsageError(period);
  if (!manifest.sla || Object.keys(manifest.sla).length === 0) output.err("tam: tam.yaml has no `sla` targets: every incident is reported as without a target");
  const report = slaReport({ manifest, incidents: project.incidents, now: clock.now, timezone: clock.timezone, period, by: options.by as GroupBy });
  output.out(format(report, { color: useColor(globals.color), width: process.stdout.columns }));
  return EXIT_OK;
}
