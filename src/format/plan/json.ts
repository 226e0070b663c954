// Stable JSON shape of a plan (version 1); docs/commands/change.md documents it.
import { rows } from "./shared.js";
import type { PlanReport } from "./types.js";

export function formatJson(report: PlanReport): string {
  const { plan } = report;
  const shape = {
    version: 1,
    change: { id: plan.changeId, title: plan.title, status: plan.status, due: plan.estimates.due ?? null },
    file: report.file,
    start: plan.schedule.start,
    finish: plan.schedule.finish,
    workingDays: plan.schedule.workingDays,
    calendar: plan.schedule.calendar,
    estimates: {
      internal: { factor: plan.estimates.internalFactor, workingDays: plan.estimates.internalDays, date: plan.estimates.internalDate },
      client: { factor: plan.estimates.clientFactor, workingDays: plan.estimates.clientDays, date: plan.estimates.clientDate },
      fitsDue: plan.estimates.fitsDue ?? null,
      clientFitsDue: plan.estimates.clientFitsDue ?? null,
    },
    criticalPath: plan.schedule.criticalPath,
    waves: plan.schedule.waves,
    backoutOrder: plan.backoutOrder,
    rollback: plan.rollback ?? null,
    tasks: rows(plan).map(({ task, timing }) => ({
      id: task.id,
      title: task.title,
      department: task.department,
      kind: task.kind,
      components: task.components,
      after: task.after,
      estimate: timing.estimate,
      days: timing.days,
      origin: task.origin,
      status: task.status,
      wave: timing.wave,
      start: timing.earlyStart,
      finish: timing.earlyFinish,
      lateStart: timing.lateStart,
      lateFinish: timing.lateFinish,
      slack: timing.slack,
      critical: timing.critical,
      calendar: timing.calendar,
    })),
    diff: plan.diff,
    written: report.written,
    commit: report.commit ?? null,
    findings: plan.findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message, file: f.file, line: f.line ?? null, col: f.col ?? null })),
  };
  return `${JSON.stringify(shape, null, 2)}\n`;
}
