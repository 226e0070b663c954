// The report's one view of the schedule: for each open change, when its work happens (the
// forecast), the internal date (x2), the date promised to the client (x3, kept from the baseline)
// and the baseline. Everything the report says about dates comes through changeSchedules, from
// the one scheduling engine (domain/planner/project-schedule.ts).
import { OPEN_CHANGE_STATUSES, type TaskStatus } from "../../model/files.js";
import { proposedSchedule, scheduleProject } from "../planner/index.js";
import type { ChangeSchedule as EngineSchedule, ProjectSchedule } from "../planner/schedule-types.js";
import type { PlanInput } from "../planner/types.js";

export interface ScheduledWork {
  id: string;
  title: string;
  department: string;
  status: TaskStatus;
  /** Forecast dates for open work, recorded dates for finished work (inclusive). */
  start: string;
  finish: string;
  critical: boolean;
}

export interface ChangeSchedule {
  changeId: string;
  /** Forecast first and last day of the change's work. */
  start: string;
  finish: string;
  /** The TAM's own date (estimate x internal factor). */
  internalDate: string;
  /** The date told to the client (estimate x client factor). */
  promisedDate: string;
  /** The finish of the plan as first agreed, when the engine keeps one. */
  baselineFinish: string | null;
  /** The change's tasks, or the tasks the planner proposes when none are written yet. */
  tasks: ScheduledWork[];
  proposed: boolean;
  /** Steps blocked with no expected date (what each waits for): the finish is only a "not before", the date is open. */
  dateOpen?: { task: string; note?: string }[];
}

export type ScheduleInput = Omit<PlanInput, "change"> & { now: number };

/**
 * The living schedule (scheduleProject): the same dates as `tam status` and `tam change plan`.
 * A change without written tasks is shown with the plan `tam change plan` proposes for it.
 * `project` is the project's schedule when the caller has it already (reportSchedule).
 */
export function changeSchedules(input: ScheduleInput, project: ProjectSchedule = reportSchedule(input, false)): Map<string, ChangeSchedule> {
  const out = new Map<string, ChangeSchedule>();
  for (const change of input.changes.filter((c) => OPEN_CHANGE_STATUSES.includes(c.status))) {
    const written = (change.tasks ?? []).length > 0;
    const timing = written ? project.byId.get(change.id) : proposedSchedule({ ...input, change });
    if (timing) out.set(change.id, fromEngine(timing, !written));
  }
  return out;
}

/**
 * The project's schedule as the report uses it: for the dates of every open change, and for the
 * internal report's progress rows (projectStatus), whose signals are located by file only. Both
 * read open changes only (closed ones are not scheduled). The client report shows no signal: none
 * is computed (locating them reads the change files' lines).
 */
export function reportSchedule(input: Pick<ScheduleInput, "manifest" | "departments" | "changes" | "now" | "timezone">, withSignals: boolean): ProjectSchedule {
  return scheduleProject({
    manifest: input.manifest,
    departments: input.departments,
    changes: input.changes,
    now: input.now,
    timezone: input.timezone,
    openOnly: true,
    ...(withSignals ? {} : { findingsFor: new Set<string>() }),
  });
}

function fromEngine(timing: EngineSchedule, proposed: boolean): ChangeSchedule {
  const tasks: ScheduledWork[] = timing.tasks.flatMap((t) =>
    t.status === "cancelled" || t.startDate === null || t.finishDate === null
      ? []
      : [{ id: t.id, title: t.title, department: t.department, status: t.status, start: t.startDate, finish: t.finishDate, critical: t.critical }],
  );
  const start = timing.startDate ?? tasks.map((t) => t.start).sort()[0] ?? timing.promise.internalDate;
  return {
    changeId: timing.id,
    start,
    finish: timing.finishDate ?? start,
    internalDate: timing.promise.internalDate,
    promisedDate: timing.promise.clientDate,
    baselineFinish: timing.baseline?.finish.slice(0, 10) ?? null,
    tasks,
    proposed,
    ...(timing.dateOpen ? { dateOpen: timing.dateOpen.map((b) => ({ task: b.task, ...(b.note ? { note: b.note } : {}) })) } : {}),
  };
}

/** First and last day of recorded work, from a task's history (start: when it went in progress). */
export function recordedDates(history: readonly { at: string; status: string }[]): { start: string; finish: string } | null {
  const events = history.map((e) => ({ status: e.status, day: e.at.slice(0, 10) }));
  const done = events.filter((e) => e.status === "done").pop();
  if (!done) return null;
  const started = events.find((e) => e.status === "in-progress");
  return { start: started?.day ?? done.day, finish: done.day };
}
