// Use case: the client-meeting report (tam report), for the client or the internal audience,
// optionally with what changed since the previous meeting (a date, or the report written then).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { buildClientReport } from "../domain/report/build.js";
import { parsePreviousReport, type PreviousReport } from "../domain/report/since.js";
import { AUDIENCES, type Audience, type ClientReport } from "../domain/report/types.js";
import { dateProblem } from "../domain/dates.js";
import { resolvePeriod } from "../domain/sla/period.js";
import { projectAsOf, type ClockOptions, type ProjectOptions } from "./context.js";
import { openForDocs } from "./docs-valid.js";
import { assessProjectFreshness } from "./freshness-facts.js";

export interface ClientReportOptions extends ProjectOptions, ClockOptions {
  audience?: string;
  period?: string;
  from?: string;
  to?: string;
  /** The previous meeting: a date (YYYY-MM-DD) or a report file written by tam report. */
  since?: string;
}

export interface ClientReportResult {
  report: ClientReport;
  /** Notes for the user, e.g. that there is no git history. */
  notes: string[];
}

export async function clientReport(options: ClientReportOptions): Promise<ClientReportResult> {
  const audience = (options.audience ?? "client") as Audience;
  if (!AUDIENCES.includes(audience)) throw new UsageError(`--audience: "${options.audience}" is not one of ${AUDIENCES.join(", ")}`);
  const since = options.since === undefined ? undefined : readSince(options.since);
  const { project, clock } = openForDocs(options);
  const period = resolvePeriod(options, clock.today, clock.timezone);
  if (typeof period === "string") throw new UsageError(period);
  if (since && since.date > clock.today) throw new UsageError(`--since ${since.date} is after the report's date ${clock.today}`);
  // The client edition names no doc: their places in docs.yaml are not looked up.
  const freshness = await assessProjectFreshness(project, clock, { sources: audience === "internal" });
  const report = buildClientReport({
    // As of a past date, work recorded later has not happened yet.
    ...projectAsOf(project, clock),
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
  return { report, notes: freshness.warnings };
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
    text = readFileSync(resolve(value), "utf8");
  } catch {
    throw new UsageError(`--since: "${value}" is neither a date (YYYY-MM-DD) nor a readable report file`);
  }
  const previous = parsePreviousReport(text);
  if (typeof previous === "string") throw new UsageError(`--since: ${value} ${previous}`);
  return previous;
}
