// What the planner reads and what it produces.
import type { Issue, Location } from "../../model/issues.js";
import type { Change, Component, DocEntry, Department, Manifest, TaskEvent, TaskKind, TaskStatus } from "../../model/files.js";

export type PathSegment = string | number;

export interface PlanInput {
  change: Change;
  manifest: Manifest | undefined;
  departments: readonly Department[];
  components: readonly Component[];
  /** Every change of the project (the planned one included): for conflicts and overload. */
  changes: readonly Change[];
  docs: readonly DocEntry[];
  /** Where an entity (a change, an architecture component), or a field below it, is written. */
  where(entity: object, ...field: PathSegment[]): Location;
  /** Today in the project's zone: the planned start when the change has no window. */
  today: string;
  timezone: string;
}

/** A task as the planner proposes it, before ids are given. `key` identifies it across re-plans. */
export interface DraftTask {
  key: string;
  title: string;
  department: string;
  kind: TaskKind;
  components: string[];
  /** Keys of the draft tasks this one waits for. */
  after: string[];
  estimate?: string;
}

/** A task of the resulting plan, with its id. */
export interface PlanTask {
  id: string;
  title: string;
  department: string;
  kind: TaskKind;
  components: string[];
  after: string[];
  estimate?: string;
  origin: "planner" | "manual";
  status: TaskStatus;
  history?: TaskEvent[];
  /** Index in the change's existing `tasks`, when the task was already written. */
  existingIndex?: number;
  /** True when the written task is exactly this one (nothing to rewrite). */
  unchanged: boolean;
}

export interface ScheduledTask {
  id: string;
  wave: number;
  days: number;
  /** The estimate actually used, e.g. "2d" (from the task, the department's lead_time or 1d). */
  estimate: string;
  calendar: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  /** Working days the task can slip without moving the finish. */
  slack: number;
  critical: boolean;
}

export interface Schedule {
  start: string;
  finish: string;
  /** Working days from start to finish on the plan calendar. */
  workingDays: number;
  /** Calendar the totals are counted on (the one most of the plan's departments work on). */
  calendar: string;
  tasks: ScheduledTask[];
  /** Critical tasks in order of start. */
  criticalPath: string[];
  waves: string[][];
}

export interface Estimates {
  internalFactor: number;
  clientFactor: number;
  internalDays: number;
  internalDate: string;
  clientDays: number;
  clientDate: string;
  due?: string;
  /** Whether the plan's finish is on or before the due date (absent without a due date). */
  fitsDue?: boolean;
  clientFitsDue?: boolean;
}

export interface TaskChange {
  id: string;
  fields: string[];
}

export interface PlanDiff {
  added: string[];
  removed: { id: string; title: string }[];
  changed: TaskChange[];
}

export interface Plan {
  changeId: string;
  title: string;
  status: string;
  tasks: PlanTask[];
  schedule: Schedule;
  estimates: Estimates;
  /** Implementation tasks in the order to undo them. */
  backoutOrder: string[];
  rollback?: string;
  diff: PlanDiff;
  findings: Issue[];
}
