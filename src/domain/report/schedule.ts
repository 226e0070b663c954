// The report's one view of the schedule: for each open change, when its work happens (the
// forecast), the internal date (x2) and the date promised to the client (x3). Everything the
// report says about dates comes through changeSchedules, so it follows the scheduling engine
// from this one place.
import { OPEN_CHANGE_STATUSES, type Change, type TaskStatus } from "../../model/files.js";
import { planChange } from "../planner/index.js";
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
}

export type ScheduleInput = Omit<PlanInput, "change">;

export function changeSchedules(input: ScheduleInput): Map<string, ChangeSchedule> {
  const out = new Map<string, ChangeSchedule>();
  for (const change of input.changes.filter((c) => OPEN_CHANGE_STATUSES.includes(c.status))) out.set(change.id, changeSchedule(change, input));
  return out;
}

function changeSchedule(change: Change, input: ScheduleInput): ChangeSchedule {
  const plan = planChange({ ...input, change });
  const scheduled = new Map(plan.schedule.tasks.map((t) => [t.id, t]));
  const written = (change.tasks ?? []).length > 0;
  const tasks: ScheduledWork[] = [];
  for (const task of plan.tasks) {
    // A change whose tasks are written shows those; a change not yet planned shows the proposed plan.
    if ((written && task.existingIndex === undefined) || task.status === "cancelled") continue;
    const planned = scheduled.get(task.id);
    const recorded = task.status === "done" ? recordedDates(task.history ?? []) : null;
    const dates = recorded ?? (planned ? { start: planned.earlyStart, finish: planned.earlyFinish } : null);
    if (!dates) continue;
    tasks.push({ id: task.id, title: task.title, department: task.department, status: task.status, start: dates.start, finish: dates.finish < dates.start ? dates.start : dates.finish, critical: planned?.critical ?? false });
  }
  return {
    changeId: change.id,
    start: plan.schedule.start,
    finish: plan.schedule.finish,
    internalDate: plan.estimates.internalDate,
    promisedDate: plan.estimates.clientDate,
    baselineFinish: null,
    tasks,
    proposed: !written,
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
