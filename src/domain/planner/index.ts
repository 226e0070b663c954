// tam change plan, the domain: decompose, merge with what is written, schedule (through the one
// scheduling engine, with every other open change of the project), check.
import { compareIssues, type Issue } from "../../model/issues.js";
import { parseTimestamp } from "../dates.js";
import { dateInZone, zonedToEpoch } from "../zone.js";
import { checkBlackouts, checkConflicts, checkCycles, checkRollback, checkTaskCycles } from "./checks.js";
import { decompose } from "./decompose.js";
import { addFollowups } from "./followups.js";
import { mergeTasks } from "./merge.js";
import { scheduleProject } from "./project-schedule.js";
import type { ChangeSchedule } from "./schedule-types.js";
import type { Estimates, Plan, PlanInput } from "./types.js";
import { buildUniverse } from "./universe.js";

export type * from "./types.js";
export { baselineOf, changeBlackouts, MIN_REMAINING_MS, scheduleProject } from "./project-schedule.js";
export { SIGNAL_CODES } from "./signals.js";
export type * from "./schedule-types.js";

/**
 * Every error code that makes `tam change plan` refuse. `tam validate` reports each of them too,
 * at the same file:line (test/unit/validation/plan-parity.test.ts walks this list).
 */
export const PLAN_REFUSAL_CODES = ["dependency-cycle", "task-cycle", "no-owner", "unknown-reference"];

/** The planned start: the change window's start date in the project's zone, else today. */
export function plannedStart(input: Pick<PlanInput, "change" | "today" | "timezone">): string {
  const start = input.change.window?.start;
  const epoch = start ? parseTimestamp(start) : Number.NaN;
  return Number.isNaN(epoch) ? input.today : dateInZone(epoch, input.timezone);
}

/** "Now" of a plan: the input's instant, else the start of `today` in the project's zone. */
export function planNow(input: Pick<PlanInput, "now" | "today" | "timezone">): number {
  return input.now ?? zonedToEpoch(input.today, 0, input.timezone);
}

export function planChange(input: PlanInput): Plan {
  const universe = buildUniverse(input);
  const base = decompose(input, universe);
  const findings: Issue[] = [...base.findings];
  const cycles = checkCycles(input, universe, base.scope.keys());
  findings.push(...cycles);
  const followups = addFollowups(input, universe, base, findings);
  const { tasks, diff } = mergeTasks([...base.tasks, ...followups], input.change.tasks ?? [], findings, (index) => input.where(input.change, "tasks", index));
  if (!cycles.length) findings.push(...checkTaskCycles(input, tasks));

  const changes = [...input.changes.filter((c) => c.id !== input.change.id), input.change];
  const project = scheduleProject({
    manifest: input.manifest,
    departments: input.departments,
    changes,
    now: planNow(input),
    timezone: input.timezone,
    proposed: { changeId: input.change.id, tasks },
    // Only this change's schedule is read: the closed changes need no summary.
    openOnly: true,
    findingsFor: new Set([input.change.id]),
    where: input.where,
  });
  const timing = project.byId.get(input.change.id)!;
  const estimates = estimatesOf(input, timing);
  const implementation = new Set(tasks.filter((t) => t.kind === "implementation").map((t) => t.id));
  const position = new Map(tasks.map((t, i) => [t.id, i]));
  const backoutOrder = timing.tasks
    .filter((t) => implementation.has(t.id))
    .sort((a, b) => b.wave - a.wave || (b.startDate ?? "").localeCompare(a.startDate ?? "") || position.get(b.id)! - position.get(a.id)!)
    .map((t) => t.id);
  findings.push(...checkRollback(input), ...checkConflicts(input, universe, timing), ...checkBlackouts(input, timing), ...timing.findings);
  return {
    changeId: input.change.id,
    title: input.change.title,
    status: input.change.status,
    tasks,
    schedule: timing,
    estimates,
    backoutOrder,
    ...(input.change.rollback ? { rollback: input.change.rollback } : {}),
    diff,
    findings: findings.sort(compareIssues),
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
export { departmentCalendar, projectCalendar, projectHolidays } from "./calendars.js";
