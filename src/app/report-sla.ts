// Use case: the SLA report of a period (tam sla report).
// The incident log is streamed: each file is read, checked and measured, then let go, so the
// report holds what it shows (and the period's incidents' few fields), never the whole log.
import { UsageError } from "../errors.js";
import type { Issue } from "../model/issues.js";
import { resolvePeriod } from "../domain/sla/period.js";
import { GROUP_BYS, slaAccumulator, slaReportFields, type GroupBy, type SlaAccumulator, type SlaReport } from "../domain/sla/report.js";
import { projectIssues, refuseErrors, streamedValidation } from "../project/check.js";
import type { IncidentFile, Project } from "../project/load.js";
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

/**
 * The SLA report computed while loadProject streams the incident files (its eachIncidentFile):
 * each file checked and measured, then let go. `incidentErrors()` are the errors found in those
 * files; `report(project)` after the load (it throws the UsageError of a bad --as-of or period).
 * tam sla report and tam portfolio (which reads the rest of the project in the same load) use it.
 */
export function slaStream(options: Omit<ReportSlaOptions, "project">): {
  eachIncidentFile(file: IncidentFile, project: Project): void;
  incidentErrors(): Issue[];
  report(project: Project): SlaReport;
} {
  if (!GROUP_BYS.includes(options.by as GroupBy)) throw new UsageError(`--by must be one of ${GROUP_BYS.join(", ")}`);
  const validation = streamedValidation();
  const errors: Issue[] = [];
  // The clock and the period need tam.yaml, read before the first incident file. A bad --as-of or
  // period is reported after the project's errors, as when the project was read whole.
  let accumulator: SlaAccumulator | UsageError | undefined;
  const start = (project: Project): SlaAccumulator | UsageError => {
    try {
      const clock = clockFor(project, options.asOf, options.now);
      const period = resolvePeriod(options, clock.today, clock.timezone);
      if (typeof period === "string") return new UsageError(period);
      // A project without a readable tam.yaml has errors, reported before this accumulator is asked for anything.
      const manifest = (project.manifest ?? {}) as NonNullable<Project["manifest"]>;
      // Kept: the few fields the report shows, as they are (their strings may still point into their
      // file's text; copying them costs more CPU than the memory it saves: docs/benchmarks.md).
      return slaAccumulator({ manifest, now: clock.now, timezone: clock.timezone, period, by: options.by as GroupBy }, slaReportFields);
    } catch (error) {
      if (error instanceof UsageError) return error;
      // A zone of tam.yaml Intl does not know (slaPolicy): validation reports it, located, before any report is asked for.
      if (error instanceof RangeError) return new UsageError(error.message);
      throw error;
    }
  };
  return {
    eachIncidentFile(file, project) {
      accumulator ??= start(project);
      for (const issue of validation.file(file, project)) if (issue.severity === "error") errors.push(issue);
      // Past the first error the report will not be shown: the files are only checked.
      if (errors.length === 0 && !(accumulator instanceof UsageError)) for (const incident of file.incidents) accumulator.add(incident);
    },
    incidentErrors: () => errors,
    report(project) {
      accumulator ??= start(project);
      if (accumulator instanceof UsageError) throw accumulator;
      return accumulator.report();
    },
  };
}

export function reportSla(options: ReportSlaOptions): ReportSlaResult {
  const stream = slaStream(options);
  const project = openProject(options, ["departments", "architecture", "incidents"], { eachIncidentFile: stream.eachIncidentFile });
  refuseErrors([...stream.incidentErrors(), ...projectIssues(project).filter((issue) => issue.severity === "error")]);
  const report = stream.report(project);
  const notes: string[] = [];
  const manifest = project.manifest!;
  if (!manifest.sla || Object.keys(manifest.sla).length === 0) notes.push("tam.yaml has no `sla` targets: every incident is reported as without a target");
  return { report, notes };
}
