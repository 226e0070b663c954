// Time order of a change's history. A write stamps a time that keeps each history in order (a
// date-only --as-of becomes the earliest time that day that does), refuses one earlier than the
// entry before it, and a read as of a past instant sees each change as it stood then.
import type { Change, ChangeStatus, Task } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";

/** When a write happens: `now`, or with a date-only --as-of, any time from `dayStart` to `now` (the day's last second). */
export interface WriteClock {
  now: number;
  /** Set when --as-of was a date: the start of that day in the project's zone. */
  dayStart?: number;
}

interface Entry {
  at: string;
  ms: number;
}

const entry = (at: unknown): Entry | undefined => {
  if (typeof at !== "string") return undefined;
  const ms = parseTimestamp(at);
  return Number.isFinite(ms) ? { at, ms } : undefined;
};

/** Every recorded time of the change, as written: its steps, its approval, its tasks' updates and escalations. */
function* recordedAts(change: Change): Generator<unknown> {
  for (const e of change.history ?? []) yield e?.at;
  yield change.approval?.at;
  for (const task of change.tasks ?? []) {
    for (const e of task.history ?? []) yield e?.at;
    if (Array.isArray(task.escalations)) for (const e of task.escalations) yield e?.at;
  }
}

/** Every recorded time of the change (recordedAts), read. */
function recordedTimes(change: Change): Entry[] {
  return [...recordedAts(change)].map(entry).filter((e): e is Entry => e !== undefined);
}

/** Whether the change records a time after `now` (recordedAts, and its last client notice), read until the first such time. */
function recordedAfter(change: Change, now: number): boolean {
  const later = (at: unknown) => typeof at === "string" && parseTimestamp(at) > now;
  for (const at of recordedAts(change)) if (later(at)) return true;
  return later(change.last_notice?.at);
}

/**
 * The instant a write records: `now`, or for a date-only --as-of the later of the start of that day
 * and one second after the last time the file records up to the end of that day (so that an update
 * "on 2026-11-20" lands after the approval and the work already recorded that day, never at
 * 23:59:59 before them).
 */
export function writeInstant(change: Change, clock: WriteClock): number {
  return instantAfter(
    recordedTimes(change).map((e) => e.ms),
    clock,
  );
}

/** The same for any record (an incident's notices, escalations): `times` are the instants it already records. */
export function instantAfter(times: readonly number[], clock: WriteClock): number {
  if (clock.dayStart === undefined) return clock.now;
  const sameDay = times.filter((ms) => ms <= clock.now);
  const after = sameDay.length ? Math.max(...sameDay) + 1000 : clock.dayStart;
  return Math.min(Math.max(clock.dayStart, after), clock.now);
}

/**
 * Why an entry at `ms` cannot be appended to a history whose last entry is later (undefined when
 * it can). `what` names the history's owner: "CHG-0003" or "CHG-0003/T1".
 */
export function outOfOrderReason(what: string, history: readonly { at?: unknown; status?: unknown }[] | undefined, ms: number, shown: string): string | undefined {
  const last = history?.length ? history[history.length - 1] : undefined;
  const previous = entry(last?.at);
  if (!previous || previous.ms <= ms) return undefined;
  return `${what} already has a history entry at ${previous.at} (${String(last!.status)}), later than ${shown}: history is kept in time order, so record this at the time it happened, after that entry (give a later --as-of), or correct the file first`;
}

/** Where a history goes back in time: the index of each entry earlier than the one before it. */
export function historyOrderBreaks(history: readonly { at?: unknown }[] | undefined): { index: number; at: string; previous: string }[] {
  const breaks: { index: number; at: string; previous: string }[] = [];
  let previous: Entry | undefined;
  (history ?? []).forEach((event, index) => {
    const current = entry(event?.at);
    if (!current) return;
    if (previous && current.ms < previous.ms) breaks.push({ index, at: current.at, previous: previous.at });
    else previous = current;
  });
  return breaks;
}

/** The entries of a history recorded by `now`. */
function upTo<T extends { at: string }>(history: readonly T[], now: number): T[] {
  return history.filter((e) => {
    const ms = parseTimestamp(e.at);
    return !Number.isFinite(ms) || ms <= now;
  });
}

/**
 * The change as it stood at `now`: each task in the status of its last update by then ("todo"
 * before its first), the change's status from its own history, no approval, closure or client
 * notice recorded later. A change without history is taken as written (nothing says when it
 * moved). Changes whose records are all before `now` come back unchanged.
 */
export function changeAsOf(change: Change, now: number): Change {
  if (!recordedAfter(change, now)) return change;
  const taskAt = (task: Task): Task => {
    if (!task.history?.length) return task;
    const past = upTo(task.history, now);
    if (past.length === task.history.length) return task;
    return { ...task, status: past.length ? past[past.length - 1]!.status : "todo", history: past };
  };
  const tasks = change.tasks?.map(taskAt);
  let status: ChangeStatus = change.status;
  let history = change.history;
  if (change.history?.length) {
    const past = upTo(change.history, now);
    if (past.length < change.history.length) {
      history = past;
      // Before its first recorded step the change was planned (when it has tasks) or a draft.
      status = past.length ? past[past.length - 1]!.status : change.tasks?.length ? "planned" : "draft";
    }
  }
  const approved = entry(change.approval?.at);
  const approvedLater = approved !== undefined && approved.ms > now;
  if (!change.history?.length && tasks) status = statusFromTasks(change.status, tasks, approvedLater ? undefined : change.approval);
  const noticed = entry(change.last_notice?.at);
  const { approval, closure, last_notice, ...rest } = change;
  return {
    ...rest,
    status,
    ...(history ? { history } : {}),
    ...(tasks ? { tasks } : {}),
    ...(approval && !approvedLater ? { approval } : {}),
    ...(closure && status === change.status ? { closure } : {}),
    ...(last_notice && !(noticed && noticed.ms > now) ? { last_notice } : {}),
  };
}

const WORK_STATUSES: ChangeStatus[] = ["in-progress", "review", "done"];

/** A change without its own history: its status as its tasks (and approval) then allow. */
function statusFromTasks(written: ChangeStatus, tasks: readonly Task[], approval: Change["approval"]): ChangeStatus {
  if (written !== "approved" && !WORK_STATUSES.includes(written)) return written;
  const started = tasks.some((t) => t.status !== "todo" || (t.history ?? []).some((e) => e.status === "in-progress"));
  if (!started) return approval ? "approved" : "planned";
  if (written !== "in-progress" && tasks.some((t) => t.status !== "done" && t.status !== "cancelled")) return "in-progress";
  return written;
}
