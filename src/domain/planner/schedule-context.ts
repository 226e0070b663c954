// What the engine knows of one change while it schedules it: its tasks as graph nodes, its
// working-time clocks (department calendar + the blackouts that hold for it + its window), and how
// urgent it is against the other open changes.
import { OPEN_CHANGE_STATUSES, type Change, type Department } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import { dateInZone } from "../zone.js";
import type { Actuals } from "./actuals.js";
import { departmentCalendar, type NamedCalendar } from "./calendars.js";
import type { SchedulableTask, ScheduleInput } from "./schedule-types.js";
import { makeWorkClock, type Interval, type WorkClock } from "../work-clock.js";
import { compareText } from "../../model/text-order.js";

/** An in-progress task needs at least this much more working time (or its whole estimate, when shorter). */
export const MIN_REMAINING_MS = 3_600_000;

/** Which open change gets a busy department first: the further along its approval, the sooner. */
const CHANGE_RANK: Record<string, number> = { "in-progress": 0, implement: 0, review: 0, approved: 1, scheduled: 1, authorize: 2, planned: 2, assess: 3, new: 3, draft: 4 };
const TYPE_RANK: Record<string, number> = { emergency: 0, normal: 1, standard: 2 };
/** Two instants this close are the same for slack and waiting (one minute). */
export const EPSILON = 60_000;

export interface ChangeContext {
  change: Change;
  tasks: readonly SchedulableTask[];
  open: boolean;
  rank: number;
  windowStart: number;
  windowEnd: number;
  /** The working-time clock of a department for this change; `windowWork` false: office work the window does not bind. */
  clockFor(department: string, windowWork?: boolean): WorkClock;
  planClock: WorkClock;
  planCalendar: string;
  nodes: Node[];
}

export interface Node {
  key: string;
  ctx: ChangeContext;
  task: SchedulableTask;
  order: number;
  department: Department | undefined;
  calendar: NamedCalendar;
  clock: WorkClock;
  /** Work on the systems, which the change window binds (not office work: documentation, reviews). */
  windowWork: boolean;
  estimate: string;
  work: number;
  remaining: number;
  actuals: Actuals;
  preds: Node[];
  succs: Node[];
  /** Earliest start and finish without capacity limits, and the latest start (for priority). */
  es: number;
  ef: number;
  ls: number;
  release: number;
  start: number | null;
  finish: number | null;
  waitedFor?: Node;
  /** No working time to place it within ten years. */
  unschedulable?: boolean;
  /** A blocked task expected to clear on a day (`until`): it does not resume before that day starts. */
  notBefore?: number;
  slack: number;
}

/** Office work, not work on the systems: the change window does not bind it (it follows its department's calendar). */
const OFFICE_KINDS: readonly string[] = ["documentation", "security"];

export function isWindowWork(kind: string | undefined): boolean {
  return !OFFICE_KINDS.includes(kind ?? "manual");
}

/** Open changes compete for capacity; the lifecycle states (new … review) count as open too. */
export function isOpenChange(change: Change): boolean {
  return (OPEN_CHANGE_STATUSES as string[]).includes(change.status) || ["new", "assess", "authorize", "scheduled", "implement", "review"].includes(change.status);
}

/** Blackouts that hold for a change: all of the project's, minus the ones it has an exception for (and, if allowed, for emergencies). */
export function changeBlackouts(input: Pick<ScheduleInput, "manifest" | "timezone">, change: Change): Interval[] {
  const excepted = new Set((change.blackout_exceptions ?? []).map((e) => e.blackout));
  const out: Interval[] = [];
  for (const blackout of input.manifest?.blackouts ?? []) {
    const from = parseTimestamp(blackout.from);
    const to = parseTimestamp(blackout.to);
    if (!Number.isFinite(from) || !Number.isFinite(to)) continue;
    if (blackout.id !== undefined && excepted.has(blackout.id)) continue;
    if (excepted.has(dateInZone(from, input.timezone))) continue;
    if (change.type === "emergency" && blackout.allow_emergency === true) continue;
    out.push([from, to]);
  }
  return out;
}

export function contextFor(
  input: ScheduleInput,
  change: Change,
  tasks: readonly SchedulableTask[],
  departments: Map<string, Department>,
  open: boolean,
  shared: Map<string, WorkClock>,
): ChangeContext {
  const blackouts = changeBlackouts(input, change);
  const windowStart = change.window?.start ? parseTimestamp(change.window.start) : Number.NaN;
  const windowEnd = change.window?.end ? parseTimestamp(change.window.end) : Number.NaN;
  const window: Interval | undefined = Number.isFinite(windowStart) && Number.isFinite(windowEnd) && windowEnd > windowStart ? [windowStart, windowEnd] : undefined;
  const blackoutKey = blackouts.map(([a, b]) => `${a}-${b}`).join(",");
  // Changes with the same blackouts and the same working window share clocks (and their day caches).
  const sharedClock = (named: NamedCalendar, blackoutList: Interval[], key: string, extra: Interval[]) => {
    let clock = shared.get(key);
    if (!clock) {
      clock = makeWorkClock({ name: named.name, calendar: named.calendar, zone: input.timezone, blackouts: blackoutList, extra });
      shared.set(key, clock);
    }
    return clock;
  };
  // A window says when work may happen, the department's calendar when its people work: work runs
  // in the calendar's hours inside the window. An out-of-hours window (explicit, or lying entirely
  // outside the department's hours: a night or weekend window) is working time itself.
  const outOfHours = (named: NamedCalendar): boolean => {
    if (!window) return false;
    if (change.window?.out_of_hours !== undefined) return change.window.out_of_hours;
    return sharedClock(named, [], `${named.name}||`, []).between(window[0], window[1]) === 0;
  };
  const clockOf = (named: NamedCalendar, windowWork: boolean) => {
    const extra: Interval[] = window && windowWork && outOfHours(named) ? [window] : [];
    return sharedClock(named, blackouts, `${named.name}|${blackoutKey}|${extra.map(([a, b]) => `${a}-${b}`).join(",")}`, extra);
  };
  const counts = new Map<string, { named: NamedCalendar; n: number }>();
  for (const task of tasks) {
    const named = departmentCalendar(departments.get(task.department), input.manifest);
    const entry = counts.get(named.name) ?? { named, n: 0 };
    entry.n++;
    counts.set(named.name, entry);
  }
  const plan = [...counts.values()].sort((a, b) => b.n - a.n || compareText(a.named.name, b.named.name))[0]?.named ?? departmentCalendar(undefined, input.manifest);
  return {
    change,
    tasks,
    open,
    rank: (CHANGE_RANK[change.status] ?? 2) * 10 + (TYPE_RANK[change.type] ?? 1),
    windowStart: Number.isFinite(windowStart) ? windowStart : Number.NEGATIVE_INFINITY,
    windowEnd: Number.isFinite(windowEnd) ? windowEnd : Number.POSITIVE_INFINITY,
    clockFor: (department, windowWork = true) => clockOf(departmentCalendar(departments.get(department), input.manifest), windowWork),
    planClock: clockOf(plan, true),
    planCalendar: plan.name,
    nodes: [],
  };
}

/** Finish of a predecessor as a constraint: a done task without a recorded date constrains nothing. */
export function finishOf(node: Node): number {
  return node.finish ?? node.ef;
}
