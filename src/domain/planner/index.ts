// tam change plan, the domain: decompose, merge with what is written, schedule, check.
import { compareIssues, type Issue } from "../../model/issues.js";
import { addWorkingDays } from "../calendar-days.js";
import { parseTimestamp } from "../dates.js";
import { MAX_DURATION_DAYS } from "../duration.js";
import { dateInZone } from "../zone.js";
import { checkBlackouts, checkConflicts, checkCycles, checkOverload, checkRollback, checkTaskCycles } from "./checks.js";
import { decompose } from "./decompose.js";
import { addFollowups } from "./followups.js";
import { mergeTasks } from "./merge.js";
import { mostUsedCalendar, schedule } from "./schedule.js";
import type { Estimates, Plan, PlanInput, Schedule } from "./types.js";
import { buildUniverse } from "./universe.js";

export type * from "./types.js";

/** The planned start: the change window's start date in the project's zone, else today. */
export function plannedStart(input: Pick<PlanInput, "change" | "today" | "timezone">): string {
  const start = input.change.window?.start;
  const epoch = start ? parseTimestamp(start) : Number.NaN;
  return Number.isNaN(epoch) ? input.today : dateInZone(epoch, input.timezone);
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

  const context = { departments: universe.departments, manifest: input.manifest, start: plannedStart(input) };
  const timing = schedule(tasks, context);
  const estimates = padEstimates(input, timing, mostUsedCalendar(tasks, context));
  const implementation = new Set(tasks.filter((t) => t.kind === "implementation").map((t) => t.id));
  const position = new Map(tasks.map((t, i) => [t.id, i]));
  const backoutOrder = timing.tasks
    .filter((t) => implementation.has(t.id))
    .sort((a, b) => b.wave - a.wave || b.earlyStart.localeCompare(a.earlyStart) || position.get(b.id)! - position.get(a.id)!)
    .map((t) => t.id);
  findings.push(...checkRollback(input), ...checkConflicts(input, universe, timing), ...checkBlackouts(input, timing), ...checkOverload(input, universe, tasks, timing));
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

/** "Double it for yourself, triple it for the client": the plan's working days times each factor, from the start. */
function padEstimates(input: PlanInput, timing: Schedule, calendar: ReturnType<typeof mostUsedCalendar>): Estimates {
  const internalFactor = input.manifest?.estimates?.internal_factor ?? 2;
  const clientFactor = input.manifest?.estimates?.client_factor ?? 3;
  // Bounded whatever the file says (validate refuses factors above 100): no endless count of days.
  const padded = (factor: number) => Math.min(Math.ceil(timing.workingDays * (Number.isFinite(factor) ? factor : 1)), MAX_DURATION_DAYS * 100);
  const internalDays = padded(internalFactor);
  const clientDays = padded(clientFactor);
  const dateAfter = (days: number) => (days > 0 ? addWorkingDays(calendar.calendar, timing.start, days, calendar.holidays).finish : timing.start);
  const due = input.change.due;
  const internalDate = dateAfter(internalDays);
  const clientDate = dateAfter(clientDays);
  return {
    internalFactor,
    clientFactor,
    internalDays,
    internalDate,
    clientDays,
    clientDate,
    ...(due ? { due, fitsDue: timing.finish <= due, clientFitsDue: clientDate <= due } : {}),
  };
}
