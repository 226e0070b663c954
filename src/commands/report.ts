// tam report: the document for a client meeting, deterministic with --as-of.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { EXIT_OK, UsageError } from "../errors.js";
import { buildClientReport } from "../domain/report/build.js";
import { parsePreviousReport, type PreviousReport } from "../domain/report/since.js";
import type { Audience } from "../domain/report/types.js";
import { dateProblem } from "../domain/dates.js";
import { resolvePeriod } from "../domain/sla/period.js";
import { pickFormatter } from "../format/registry.js";
import { reportFormatters } from "../format/report/index.js";
import { writeFileAtomic } from "../project/write.js";
import { clockFor, openProject, processOutput, type GlobalOptions, type Output } from "./context.js";
import { requireValidForDocs } from "./docs-valid.js";
import { assessProjectFreshness } from "./freshness-facts.js";

export interface ReportOptions {
  format: string;
  audience?: string;
  period?: string;
  from?: string;
  to?: string;
  since?: string;
  asOf?: string;
  output?: string;
}

export async function runReport(globals: GlobalOptions, options: ReportOptions, output: Output = processOutput): Promise<number> {
  const format = pickFormatter(reportFormatters, options.format);
  const audience = (options.audience ?? "client") as Audience;
  if (audience !== "client" && audience !== "internal") throw new UsageError(`--audience: "${options.audience}" is not one of client, internal`);
  const since = options.since === undefined ? undefined : readSince(options.since);
  const project = openProject(globals);
  requireValidForDocs(project);
  const clock = clockFor(project, options.asOf);
  const period = resolvePeriod(options, clock.today, clock.timezone);
  if (typeof period === "string") throw new UsageError(period);
  if (since && since.date > clock.today) throw new UsageError(`--since ${since.date} is after the report's date ${clock.today}`);
  const freshness = await assessProjectFreshness(project, clock);
  for (const warning of freshness.warnings) output.err(`tam: note: ${warning}`);
  const report = buildClientReport({
    ...project,
    manifest: project.manifest!,
    freshness: freshness.report,
    freshnessWarnings: freshness.warnings,
    period,
    audience,
    ...(since ? { since } : {}),
    now: clock.now,
    today: clock.today,
    timezone: clock.timezone,
    where: project.where,
  });
  const text = format(report, { color: false });
  if (options.output) {
    const target = resolve(process.cwd(), options.output);
    writeFileAtomic(target, text);
    output.err(`wrote the ${period.label} report (${audience}) to ${options.output}`);
  } else output.out(text);
  return EXIT_OK;
}

/** --since: a date (YYYY-MM-DD), or a report written by an earlier `tam report` (markdown, HTML or JSON). */
function readSince(value: string): PreviousReport {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !existsSync(value)) {
    const problem = dateProblem(value);
    if (problem) throw new UsageError(`--since: ${problem}`);
    return { date: value, riskIds: null };
  }
  let text: string;
  try {
    text = readFileSync(resolve(process.cwd(), value), "utf8");
  } catch {
    throw new UsageError(`--since: "${value}" is neither a date (YYYY-MM-DD) nor a readable report file`);
  }
  const previous = parsePreviousReport(text);
  if (typeof previous === "string") throw new UsageError(`--since: ${value} ${previous}`);
  return previous;
}
