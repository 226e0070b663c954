// What the planner reads and what it produces.
import type { Issue, Location, PathSegment } from "../../model/issues.js";
import type { ChangeSchedule } from "./schedule-types.js";
import type { Change, Component, DocEntry, Department, Manifest, TaskEvent, TaskKind, TaskStatus } from "../../model/files.js";

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
  /** The instant of --as-of; defaults to the start of `today` in `timezone`. */
  now?: number;
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
  assignee?: string;
  history?: TaskEvent[];
  /** Index in the change's existing `tasks`, when the task was already written. */
  existingIndex?: number;
  /** True when the written task is exactly this one (nothing to rewrite). */
  unchanged: boolean;
}

export interface Estimates {
  internalFactor: number;
  clientFactor: number;
  internalDays: number;
  /** Working time of the padded estimate, for people ("1h 30m", "4d"). */
  internalWork: string;
  clientWork: string;
  internalDate: string;
  clientDays: number;
  clientDate: string;
  due?: string;
  /** Whether the plan's finish is on or before the due date (absent without a due date). */
  fitsDue?: boolean;
  clientFitsDue?: boolean;
  /** Whether the dates are the ones promised when the plan was first written (the baseline). */
  fromBaseline: boolean;
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

/** One schedule of a change's tasks, with the findings about it (structure and dates). */
export interface PlanView {
  tasks: PlanTask[];
  schedule: ChangeSchedule;
  estimates: Estimates;
  backoutOrder: string[];
  findings: Issue[];
}

/**
 * The plan of a change. Its tasks, schedule, estimates and findings are the proposal: what
 * `--write` stores (decomposition and follow-ups merged with the written tasks). `written` is the
 * schedule of the tasks as written in the file, the one status, notify and report show.
 */
export interface Plan {
  changeId: string;
  title: string;
  status: string;
  tasks: PlanTask[];
  /** The change's schedule from the one engine, levelled with every other open change. */
  schedule: ChangeSchedule;
  estimates: Estimates;
  /** Implementation tasks in the order to undo them. */
  backoutOrder: string[];
  rollback?: string;
  diff: PlanDiff;
  findings: Issue[];
  /** An open change with written tasks: their schedule as written (the proposal's when re-planning changes no task). */
  written?: PlanView;
  /** A done, cancelled or rejected change: the tasks are its record; nothing derived, no date finding. */
  record?: true;
}

/** A follow-up rule of tam.yaml in force for a plan: its department and how it groups its tasks. */
export interface ActiveRule {
  department: string;
  estimate?: string;
  perComponent?: string;
  kinds?: string[];
  group: boolean;
  skipOwnWork: boolean;
}
