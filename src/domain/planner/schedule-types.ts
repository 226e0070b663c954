// The living schedule: what scheduleProject reads and what it gives every view (plan, status,
// report, gantt). Instants are epoch milliseconds; dates are YYYY-MM-DD in the zone named.
import type { Issue, Location } from "../../model/issues.js";
import type { Change, Department, Manifest, TaskEvent, TaskKind, TaskStatus } from "../../model/files.js";

/** A task as the engine needs it: written in a change file, or proposed by `tam change plan`. */
export interface SchedulableTask {
  id: string;
  title: string;
  department: string;
  kind?: TaskKind;
  status: TaskStatus;
  after?: readonly string[];
  estimate?: string;
  assignee?: string;
  history?: readonly TaskEvent[];
}

export interface ScheduleInput {
  manifest: Manifest | undefined;
  departments: readonly Department[];
  changes: readonly Change[];
  /** --as-of, or the system clock, resolved once by the command. */
  now: number;
  /** The project's zone: the zone of change-level dates. */
  timezone: string;
  /** Tasks `tam change plan` proposes for one change, scheduled instead of its written ones. */
  proposed?: { changeId: string; tasks: readonly SchedulableTask[] };
  /**
   * Schedule and summarise only the open changes (and the proposed one): closed changes take no
   * capacity, so their absence changes no date; for callers that read open changes only.
   */
  openOnly?: boolean;
  /**
   * Summarise only this change (its dates, tasks and promise): the others are still levelled with
   * it, for their share of the capacity, but not described; for callers that read one change.
   */
  only?: string;
  /** Only these changes get findings (locating them can mean reading the file again); default all. */
  findingsFor?: ReadonlySet<string>;
  /** Where an entity or a field below it is written, for findings. */
  where?(entity: object, ...field: (string | number)[]): Location;
}

export interface TaskLate {
  /** Working time late, on the department's calendar. */
  byMs: number;
  why: "over-estimate" | "not-started" | "past-baseline";
}

export interface TaskSchedule {
  change: string;
  id: string;
  title: string;
  department: string;
  kind: TaskKind;
  status: TaskStatus;
  assignee?: string;
  after: string[];
  /** The estimate in force (the task's, else the department's lead_time, else 1d). */
  estimate: string;
  workMs: number;
  /** Working time still needed from now (0 when done). */
  remainingMs: number;
  /** Forecast for open tasks, recorded for done ones; null for a done task without dates. */
  start: number | null;
  finish: number | null;
  startDate: string | null;
  finishDate: string | null;
  /** The department's calendar and zone. */
  calendar: string;
  zone: string;
  wave: number;
  /** Working time the task can slip without moving the change's forecast finish (after levelling). */
  slackMs: number;
  critical: boolean;
  /** No working time within ten years to place it (its dates are null). */
  unschedulable?: true;
  /** The task whose finish freed the department for this one, when capacity made it wait. */
  waitedFor?: string;
  baseline?: { start: number; finish: number; startDate: string; finishDate: string };
  /** Forecast finish minus baseline finish in working time (positive: later than planned). */
  slipMs?: number;
  late?: TaskLate;
  /** Blocked now: since when, on what, and the day it is expected to clear (`until`; none: the date is open). */
  blocked?: { since: string; note?: string; until?: string };
  /** Its dates rest on a block with no expected date (this task or one it waits for): the forecast is a "not before", the date is open. */
  dateOpen?: true;
  /** The day length of the department's calendar, to show working time as days. */
  dayMs: number;
}

export interface Promised {
  internalFactor: number;
  clientFactor: number;
  /** Working days of the work (remaining work once it has started) times each factor. */
  internalDays: number;
  clientDays: number;
  /** The same as working time ("1h 30m" for a short change, "4d 2h"), on the plan calendar. */
  internalWork: string;
  clientWork: string;
  internalDate: string;
  clientDate: string;
}

/** A finding of the schedule; `task` names the task it is about, when it is about one. */
export interface ScheduleFinding extends Issue {
  task?: string;
}

export interface ChangeSchedule {
  id: string;
  title: string;
  status: string;
  type: string;
  due?: string;
  /** Whether the change's tasks compete for capacity (open, or being planned). */
  open: boolean;
  /** Whether tasks are written (or proposed); a change without tasks has no dates. */
  planned: boolean;
  start: number | null;
  finish: number | null;
  startDate: string | null;
  finishDate: string | null;
  /** The finish without capacity limits: the earliest the change can possibly finish. */
  earliestFinish: number | null;
  earliestFinishDate: string | null;
  /** Working days from start to finish on the plan calendar (one decimal). */
  workingDays: number;
  /** The calendar most of the change's tasks work on: totals and promises are counted on it. */
  calendar: string;
  tasks: TaskSchedule[];
  /** Critical tasks of the levelled schedule, in order of start. */
  criticalPath: string[];
  waves: string[][];
  /** Dates from the current forecast: what a first --write stores as the baseline. */
  forecastPromise: Promised;
  /** The promise in force: the baseline's when there is one, else the forecast's. */
  promise: Promised & { fromBaseline: boolean };
  baseline?: { recordedAt: string; start: string; finish: string; internal: string; client: string };
  /** Forecast finish minus baseline finish, in working days of the plan calendar (one decimal). */
  slipDays?: number;
  /** The same slip as people read durations everywhere: "5d 3h" (days of the plan calendar's working day), "-2h". */
  slip?: string;
  /**
   * Blocked tasks with no expected unblock date (or one already past): the forecast finish is only a
   * "not before" and the date is open until the block has a date. A block with `until` holds its task
   * to that day instead, and the forecast counts on it.
   */
  dateOpen?: { task: string; since: string; note?: string; until?: string }[];
  findings: ScheduleFinding[];
}

export interface ProjectSchedule {
  now: number;
  timezone: string;
  changes: ChangeSchedule[];
  byId: Map<string, ChangeSchedule>;
  findings: ScheduleFinding[];
}
