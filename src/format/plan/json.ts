// Stable JSON shape of a plan (version 3); docs/commands/change.md documents it.
import { formatZoned } from "../../domain/zoned-timestamp.js";
import { workDays } from "../../domain/planner/work-text.js";
import type { TaskSchedule } from "../../domain/planner/schedule-types.js";
import type { Plan } from "../../domain/planner/index.js";
import { rows } from "./shared.js";
import type { PlanReport } from "./types.js";
import { jsonText } from "../text.js";

const hours = (ms: number) => Math.round((ms / 3_600_000) * 100) / 100;
const at = (epoch: number | null, zone: string) => (epoch === null || !Number.isFinite(epoch) ? null : formatZoned(epoch, zone));

function taskJson(timing: TaskSchedule) {
  return {
    status: timing.status,
    assignee: timing.assignee ?? null,
    estimate: timing.estimate,
    workHours: hours(timing.workMs),
    remainingHours: hours(timing.remainingMs),
    wave: timing.wave,
    start: timing.startDate,
    finish: timing.finishDate,
    startAt: at(timing.start, timing.zone),
    finishAt: at(timing.finish, timing.zone),
    calendar: timing.calendar,
    zone: timing.zone,
    slack: workDays(timing.slackMs, timing.dayMs),
    slackHours: hours(timing.slackMs),
    critical: timing.critical,
    waitsFor: timing.waitedFor ?? null,
    late: timing.late ? { hours: hours(timing.late.byMs), why: timing.late.why } : null,
    blocked: timing.blocked ?? null,
    dateOpen: timing.dateOpen === true,
    baseline: timing.baseline ? { start: formatZoned(timing.baseline.start, timing.zone), finish: formatZoned(timing.baseline.finish, timing.zone) } : null,
    slipHours: timing.slipMs === undefined ? null : hours(timing.slipMs),
  };
}

/** The dates of one schedule of the change (the written plan, or the proposal). */
function scheduleJson(view: Pick<Plan, "tasks" | "schedule" | "estimates" | "backoutOrder">) {
  const s = view.schedule;
  return {
    start: s.startDate,
    finish: s.finishDate,
    earliestFinish: s.earliestFinishDate,
    workingDays: s.workingDays,
    calendar: s.calendar,
    estimates: {
      internal: { factor: view.estimates.internalFactor, workingDays: view.estimates.internalDays, work: view.estimates.internalWork, date: view.estimates.internalDate },
      client: { factor: view.estimates.clientFactor, workingDays: view.estimates.clientDays, work: view.estimates.clientWork, date: view.estimates.clientDate },
      fromBaseline: view.estimates.fromBaseline,
      fitsDue: view.estimates.fitsDue ?? null,
      clientFitsDue: view.estimates.clientFitsDue ?? null,
    },
    baseline: s.baseline ?? null,
    slipDays: s.slipDays ?? null,
    dateOpen: s.dateOpen ?? null,
    criticalPath: s.criticalPath,
    waves: s.waves,
    backoutOrder: view.backoutOrder,
    tasks: rows(view).map(({ task, timing }) => ({
      id: task.id,
      title: task.title,
      department: task.department,
      kind: task.kind,
      components: task.components,
      after: task.after,
      origin: task.origin,
      ...taskJson(timing),
    })),
  };
}

export function formatJson(report: PlanReport): string {
  const { plan, proposal } = report;
  // The top level is the plan in force: the written tasks' schedule when they are written (the
  // dates status, notify and report give), else the proposal; `proposal` is what re-planning changes.
  const { backoutOrder, tasks, ...dates } = scheduleJson(plan);
  const shape = {
    version: 3,
    asOf: report.asOf,
    change: { id: plan.changeId, title: plan.title, status: plan.status, due: plan.estimates.due ?? null },
    file: report.file,
    schedule: plan.written !== undefined || plan.record || report.stored ? "written" : "proposal",
    ...dates,
    backoutOrder,
    rollback: plan.rollback ?? null,
    tasks,
    diff: plan.diff,
    proposal: proposal ? { ...scheduleJson(proposal), diff: proposal.diff, forecast: proposal.forecast } : null,
    stored: report.stored,
    baselineWritten: report.baselineWritten ?? false,
    commit: report.commit ?? null,
    findings: plan.findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message, file: f.file, line: f.line ?? null, col: f.col ?? null })),
  };
  return jsonText(shape);
}
