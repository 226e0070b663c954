// What a task's status history says happened: when work started and finished, how much working
// time it has had, and since when it is blocked. Events are read in time order, whatever their
// order in the file.
import type { TaskEvent, TaskStatus } from "../../model/files.js";
import { dateProblem, parseTimestamp } from "../dates.js";
import type { WorkClock } from "../work-clock.js";

export interface Actuals {
  /** First move to in-progress. */
  startedAt?: number;
  /** Last move to done, when the task is done. */
  doneAt?: number;
  /** Working time spent in progress up to now (or to done). */
  workedMs: number;
  /** The latest move to blocked, when the task is blocked now, its note and the day it is expected to clear. */
  blockedSince?: { at: number; text: string; note?: string; until?: string };
}

/** `measure`: count the working time spent (only open work needs it; it walks the calendar). */
export function readActuals(status: TaskStatus, history: readonly TaskEvent[] | undefined, clock: WorkClock, now: number, measure = true): Actuals {
  const events = (history ?? [])
    .map((event, index) => ({ event, index, at: parseTimestamp(event.at) }))
    .filter((e) => Number.isFinite(e.at))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const actuals: Actuals = { workedMs: 0 };
  let runningSince: number | undefined;
  let previous: string | undefined;
  for (const { event, at } of events) {
    if (event.status === "in-progress") {
      actuals.startedAt ??= at;
      runningSince ??= at;
    } else {
      if (runningSince !== undefined && measure) actuals.workedMs += clock.between(runningSince, at);
      runningSince = undefined;
    }
    if (event.status === "done") actuals.doneAt = at;
    if (event.status === "blocked") {
      // Blocked again (a new expected date, a new note): still blocked since the first move to blocked.
      const since = previous === "blocked" && actuals.blockedSince ? actuals.blockedSince : { at, text: event.at };
      actuals.blockedSince = {
        at: since.at,
        text: since.text,
        ...(event.note ? { note: event.note } : {}),
        ...(typeof event.until === "string" && !dateProblem(event.until) ? { until: event.until } : {}),
      };
    }
    previous = event.status;
  }
  if (runningSince !== undefined && measure) actuals.workedMs += Math.max(0, clock.between(runningSince, now));
  if (status !== "done") delete actuals.doneAt;
  if (status !== "blocked") delete actuals.blockedSince;
  return actuals;
}
