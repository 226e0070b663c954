// tam change plan, the domain: decompose, merge with what is written, schedule (through the one
// scheduling engine, with every other open change of the project), check.
import { compareIssues, type Issue } from "../../model/issues.js";
import { zonedToEpoch } from "../zone.js";
import { checkBlackouts, checkConflicts, checkCycles, checkRollback, checkTaskCycles } from "./checks.js";
import { decompose, type Decomposition } from "./decompose.js";
import { addFollowups } from "./followups.js";
import { fromWritten, mergeTasks } from "./merge.js";
import { scheduleProject } from "./project-schedule.js";
import type { ChangeSchedule } from "./schedule-types.js";
import type { Estimates, Plan, PlanDiff, PlanInput, PlanTask, PlanView } from "./types.js";
import { buildUniverse, type Universe } from "./universe.js";
import { FINAL_CHANGE_STATUSES } from "../../model/files.js";
import { compareText } from "../../model/text-order.js";

export type * from "./types.js";
export { baselineOf, scheduleProject } from "./project-schedule.js";
export { SIGNAL_CODES } from "./signals.js";
export type * from "./schedule-types.js";

/**
 * Every error code that makes `tam change plan` refuse. `tam validate` reports each of them too,
 * at the same file:line (test/unit/validation/plan-parity.test.ts walks this list).
 */
export const PLAN_REFUSAL_CODES = ["dependency-cycle", "task-cycle", "no-owner", "unknown-reference"];

/** "Now" of a plan: the input's instant, else the start of `today` in the project's zone. */
function planNow(input: Pick<PlanInput, "now" | "today" | "timezone">): number {
  return input.now ?? zonedToEpoch(input.today, 0, input.timezone);
}

/**
 * The decomposed tasks and their follow-ups, merged with the tasks the change has written (their
 * ids, statuses and history kept), and what merging changes; the findings of both go to `findings`.
 */
function withWrittenTasks(input: PlanInput, universe: Universe, base: Decomposition, findings: Issue[]): { tasks: PlanTask[]; diff: PlanDiff } {
  const followups = addFollowups(input, universe, base, findings);
  return mergeTasks([...base.tasks, ...followups], input.change.tasks ?? [], findings, (index) => input.where(input.change, "tasks", index));
}

export function planChange(input: PlanInput): Plan {
  // The plan of a closed change is its record: its tasks as they are, nothing derived, no date signal.
  if (FINAL_CHANGE_STATUSES.includes(input.change.status)) return recordOf(input);
  const universe = buildUniverse(input);
  const base = decompose(input, universe);
  const findings: Issue[] = [...base.findings];
  const cycles = checkCycles(input, universe, base.scope.keys());
  findings.push(...cycles);
  const { tasks, diff } = withWrittenTasks(input, universe, base, findings);
  if (!cycles.length) findings.push(...checkTaskCycles(input, tasks));

  const proposal = viewOf(input, universe, tasks, true);
  const plan: Plan = {
    changeId: input.change.id,
    title: input.change.title,
    status: input.change.status,
    tasks,
    schedule: proposal.schedule,
    estimates: proposal.estimates,
    backoutOrder: proposal.backoutOrder,
    ...(input.change.rollback ? { rollback: input.change.rollback } : {}),
    diff,
    findings: [...findings, ...proposal.findings].sort(compareIssues),
  };
  const existing = input.change.tasks ?? [];
  if (!existing.length) return plan;
  // The written plan: the schedule status, notify and report show. Re-planning that changes no
  // task changes no date: the proposal is the written plan then.
  const same = !diff.added.length && !diff.removed.length && !diff.changed.length;
  const writtenTasks = same ? tasks : existing.map((task, index) => fromWritten(task, index));
  const written = same ? proposal : viewOf(input, universe, writtenTasks, false);
  return {
    ...plan,
    written: {
      tasks: same ? tasks : inScheduleOrder(writtenTasks, written.schedule),
      schedule: written.schedule,
      estimates: written.estimates,
      backoutOrder: written.backoutOrder,
      findings: [...findings, ...written.findings].sort(compareIssues),
    },
  };
}

/** Written tasks in plan order: by wave of the schedule, then id (tasks without a row, the cancelled ones, last in file order). */
function inScheduleOrder(tasks: PlanTask[], schedule: ChangeSchedule): PlanTask[] {
  const rank = new Map(schedule.tasks.map((t, i) => [t.id, i]));
  return tasks
    .map((task, i) => ({ task, i }))
    .sort((a, b) => (rank.get(a.task.id) ?? Infinity) - (rank.get(b.task.id) ?? Infinity) || a.i - b.i)
    .map(({ task }) => task);
}

/**
 * The dates of the plan planChange proposes for a change (its schedule), without the plan's checks
 * and findings: for callers that show only dates, such as the report's unplanned changes.
 */
export function proposedSchedule(input: PlanInput): ChangeSchedule {
  if (FINAL_CHANGE_STATUSES.includes(input.change.status)) return recordOf(input).schedule;
  const universe = buildUniverse(input);
  const base = decompose(input, universe);
  // What planning finds on the way is planChange's to report; nothing here reads it.
  const findings: Issue[] = [];
  const { tasks } = withWrittenTasks(input, universe, base, findings);
  return scheduleOf(input, tasks, true, false);
}

/** The schedule of one set of tasks (proposed, or as written), levelled with the project's other open changes. */
function scheduleOf(input: PlanInput, tasks: readonly PlanTask[], proposed: boolean, withFindings: boolean): ChangeSchedule {
  const changes = [...input.changes.filter((c) => c.id !== input.change.id), input.change];
  const project = scheduleProject({
    manifest: input.manifest,
    departments: input.departments,
    changes,
    now: planNow(input),
    timezone: input.timezone,
    ...(proposed ? { proposed: { changeId: input.change.id, tasks } } : {}),
    // Only this change's schedule is read: the closed changes need no summary, the other open ones
    // take their share of the capacity and need none either.
    openOnly: true,
    only: input.change.id,
    findingsFor: new Set(withFindings ? [input.change.id] : []),
    where: input.where,
  });
  return project.byId.get(input.change.id)!;
}

/** The schedule of one set of tasks (proposed, or as written) and the findings about its dates. */
function viewOf(input: PlanInput, universe: Universe, tasks: readonly PlanTask[], proposed: boolean): Omit<PlanView, "tasks"> {
  const timing = scheduleOf(input, tasks, proposed, true);
  return {
    schedule: timing,
    estimates: estimatesOf(input, timing),
    backoutOrder: backoutOrderOf(tasks, timing),
    findings: [...checkRollback(input), ...checkConflicts(input, universe, timing), ...checkBlackouts(input, timing), ...timing.findings],
  };
}

function backoutOrderOf(tasks: readonly PlanTask[], timing: ChangeSchedule): string[] {
  const implementation = new Set(tasks.filter((t) => t.kind === "implementation").map((t) => t.id));
  const position = new Map(tasks.map((t, i) => [t.id, i]));
  return timing.tasks
    .filter((t) => implementation.has(t.id))
    .sort((a, b) => b.wave - a.wave || compareText(b.startDate ?? "", a.startDate ?? "") || position.get(b.id)! - position.get(a.id)!)
    .map((t) => t.id);
}

/**
 * A done, cancelled or rejected change: the tasks as written, at their recorded dates (the engine
 * schedules a closed change from its history alone), and no finding about dates: nothing is late
 * or at risk any more. Only a cycle among the written tasks is reported (validate reports it too).
 */
function recordOf(input: PlanInput): Plan {
  const written = (input.change.tasks ?? []).map((task, index) => fromWritten(task, index));
  // A closed change takes no capacity from the others and no other change moves it: it is scheduled alone.
  const project = scheduleProject({ manifest: input.manifest, departments: input.departments, changes: [input.change], now: planNow(input), timezone: input.timezone, where: input.where });
  const timing = project.byId.get(input.change.id)!;
  const tasks = inScheduleOrder(written, timing);
  return {
    changeId: input.change.id,
    title: input.change.title,
    status: input.change.status,
    tasks,
    schedule: timing,
    estimates: estimatesOf(input, timing),
    backoutOrder: backoutOrderOf(tasks, timing),
    ...(input.change.rollback ? { rollback: input.change.rollback } : {}),
    diff: { added: [], removed: [], changed: [] },
    findings: checkTaskCycles(input, tasks).sort(compareIssues),
    record: true,
  };
}

/** The promise in force (the baseline's, else the forecast's) against the due date. */
function estimatesOf(input: PlanInput, timing: ChangeSchedule): Estimates {
  const p = timing.promise;
  const due = input.change.due;
  return {
    internalFactor: p.internalFactor,
    clientFactor: p.clientFactor,
    internalDays: p.internalDays,
    internalWork: p.internalWork,
    clientWork: p.clientWork,
    internalDate: p.internalDate,
    clientDays: p.clientDays,
    clientDate: p.clientDate,
    fromBaseline: p.fromBaseline,
    ...(due ? { due, fitsDue: timing.finishDate !== null && timing.finishDate <= due, clientFitsDue: p.clientDate <= due } : {}),
  };
}
export { projectHolidays } from "./calendars.js";

/** What re-planning would change in a change whose tasks are written: its tasks and dates, and the difference. */
export interface Proposal extends PlanView {
  diff: PlanDiff;
  /** The forecast finish of the written plan and of the proposal. */
  forecast: { from: string | null; to: string | null };
}

/**
 * The plan to show and the proposal beside it. A change whose tasks are written shows their
 * schedule (the dates status, notify and report give), and the proposal when re-planning would
 * change a task; once `--write` stored the proposal, or while nothing is written, the proposal is the plan.
 */
export function planToShow(plan: Plan, stored: boolean): { shown: Plan; proposal?: Proposal } {
  const written = plan.written;
  if (stored || !written) return { shown: plan };
  const shown: Plan = { ...plan, tasks: written.tasks, schedule: written.schedule, estimates: written.estimates, backoutOrder: written.backoutOrder, findings: written.findings };
  const { diff } = plan;
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) return { shown };
  return {
    shown,
    proposal: {
      tasks: plan.tasks,
      schedule: plan.schedule,
      estimates: plan.estimates,
      backoutOrder: plan.backoutOrder,
      findings: plan.findings,
      diff,
      forecast: { from: written.schedule.finishDate, to: plan.schedule.finishDate },
    },
  };
}

/**
 * What re-planning would change in a change's written tasks (decomposition, follow-ups and the
 * merge, without scheduling): undefined when nothing is written or nothing would change, or when
 * the scope cannot be planned (validate and the planner report that).
 */
export function planDrift(input: PlanInput): PlanDiff | undefined {
  if (!input.change.tasks?.length) return undefined;
  const universe = buildUniverse(input);
  const base = decompose(input, universe);
  const findings: Issue[] = [...base.findings];
  if (checkCycles(input, universe, base.scope.keys()).length || findings.some((f) => f.severity === "error")) return undefined;
  const { diff } = withWrittenTasks(input, universe, base, findings);
  return diff.added.length || diff.removed.length || diff.changed.length ? diff : undefined;
}
