// tam report: the markdown document for a client meeting, deterministic with --as-of.
import { resolve } from "node:path";
import { EXIT_OK, UsageError } from "../errors.js";
import { buildClientReport } from "../domain/report/build.js";
import { resolvePeriod } from "../domain/sla/period.js";
import { pickFormatter } from "../format/registry.js";
import { reportFormatters } from "../format/report/index.js";
import { writeFileAtomic } from "../project/write.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { requireValidForDocs } from "../app/docs-valid.js";
import { assessProjectFreshness } from "../app/freshness-facts.js";

export interface ReportOptions {
  format: string;
  period?: string;
  from?: string;
  to?: string;
  asOf?: string;
  output?: string;
}

export async function runReport(globals: GlobalOptions, options: ReportOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(reportFormatters, options.format);
  const project = openProject(globals);
  requireValidForDocs(project);
  const clock = clockFor(project, options.asOf);
  const period = resolvePeriod(options, clock.today, clock.timezone);
  if (typeof period === "string") throw new UsageError(period);
  const freshness = await assessProjectFreshness(project, clock);
  for (const warning of freshness.warnings) output.err(`tam: note: ${warning}`);
  const report = buildClientReport({ ...project, manifest: project.manifest!, freshness: freshness.report, period, now: clock.now, today: clock.today, timezone: clock.timezone, where: project.where });
  const text = format(report, { color: false });
  if (options.output) {
    const target = resolve(process.cwd(), options.output);
    writeFileAtomic(target, text);
    output.err(`wrote the ${period.label} report to ${options.output}`);
  } else output.out(text);
  return EXIT_OK;
}

