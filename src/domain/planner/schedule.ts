// Critical-path scheduling at day granularity, each task on its department's calendar.
import type { Department, Manifest } from "../../model/files.js";
import { addWorkingDays, nextWorkingDay } from "../calendar-days.js";
import { addDays } from "../dates.js";
import { durationDays } from "../duration.js";
import { topologicalOrder } from "../graph.js";
import { departmentCalendar, previousWorkingDay, startForFinish, workingDaysBetween, type WorkCalendar } from "./calendars.js";
import { compareIds, levels } from "./order.js";
import type { Schedule, ScheduledTask } from "./types.js";

export interface SchedulableTask {
  id: string;
  department: string;
  after: readonly string[];
  estimate?: string;
}

export interface ScheduleContext {
  departments: ReadonlyMap<string, Department>;
  manifest: Manifest | undefined;
  start: string;
}

/** The estimate in force: the task's own, else the department's lead_time, else one day. */
export function effectiveEstimate(task: SchedulableTask, department: Department | undefined): string {
  for (const candidate of [task.estimate, department?.lead_time]) if (candidate && durationDays(candidate) !== null) return candidate;
  return "1d";
}

/**
 * Forward pass (earliest dates) in dependency order, backward pass (latest dates) in reverse: each
 * O(V + E) graph work, times the calendar arithmetic per task (bounded by the estimate, at most
 * ten years, and counted by weeks for slack: see calendars.ts).
 */
export function schedule(tasks: readonly SchedulableTask[], context: ScheduleContext): Schedule {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const after = (id: string) => (byId.get(id)?.after ?? []).filter((a) => byId.has(a));
  const order = topologicalOrder(tasks.map((t) => t.id), after);
  const successors = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
  const position = new Map(order.map((id, i) => [id, i]));
  // Only edges that go forward in the order: a back edge closes a cycle.
  for (const id of order) for (const dep of after(id)) if (position.get(dep)! < position.get(id)!) successors.get(dep)!.push(id);

  const info = new Map<string, { cal: WorkCalendar; days: number; estimate: string; es: string; ef: string; ls: string; lf: string }>();
  for (const id of order) {
    const task = byId.get(id)!;
    const department = context.departments.get(task.department);
    const cal = departmentCalendar(department, context.manifest);
    const estimate = effectiveEstimate(task, department);
    const days = Math.max(durationDays(estimate)!, 1);
    let earliest = context.start;
    for (const dep of after(id)) {
      const done = info.get(dep);
      if (!done) continue; // an edge inside a cycle (reported as a finding): ignored for the dates
      const next = addDays(done.ef, 1);
      if (next > earliest) earliest = next;
    }
    const { start, finish } = addWorkingDays(cal.calendar, earliest, days, cal.holidays);
    info.set(id, { cal, days, estimate, es: start, ef: finish, ls: start, lf: finish });
  }
  const finish = [...info.values()].reduce((max, t) => (t.ef > max ? t.ef : max), context.start);
  for (const id of [...order].reverse()) {
    const task = info.get(id)!;
    let latest = finish;
    for (const succ of successors.get(id)!) {
      const before = addDays(info.get(succ)!.ls, -1);
      if (before < latest) latest = before;
    }
    task.lf = previousWorkingDay(task.cal, latest);
    task.ls = startForFinish(task.cal, task.lf, task.days);
  }

  const level = levels(order, after);
  const scheduled: ScheduledTask[] = tasks.map((t) => {
    const i = info.get(t.id)!;
    const slack = i.ls > i.es ? workingDaysBetween(i.cal, i.es, addDays(i.ls, -1)) : 0;
    return { id: t.id, wave: level.get(t.id)!, days: i.days, estimate: i.estimate, calendar: i.cal.name, earlyStart: i.es, earlyFinish: i.ef, lateStart: i.ls, lateFinish: i.lf, slack, critical: slack === 0 };
  });
  const waves: string[][] = [];
  for (const task of scheduled) (waves[task.wave - 1] ??= []).push(task.id);
  for (const wave of waves) wave?.sort(compareIds);
  const criticalPath = scheduled.filter((t) => t.critical).sort((a, b) => a.wave - b.wave || compareIds(a.id, b.id)).map((t) => t.id);
  const planCalendar = mostUsedCalendar(tasks, context);
  const start = scheduled.length ? scheduled.reduce((min, t) => (t.earlyStart < min ? t.earlyStart : min), scheduled[0]!.earlyStart) : nextWorkingDay(planCalendar.calendar, context.start, planCalendar.holidays);
  return { start, finish, workingDays: scheduled.length ? workingDaysBetween(planCalendar, start, finish) : 0, calendar: planCalendar.name, tasks: scheduled, criticalPath, waves: waves.filter(Boolean) };
}

/** The calendar most of the plan's tasks work on (ties: by name), used for totals and promises. */
export function mostUsedCalendar(tasks: readonly SchedulableTask[], context: ScheduleContext): WorkCalendar {
  const counts = new Map<string, { cal: WorkCalendar; n: number }>();
  for (const task of tasks) {
    const cal = departmentCalendar(context.departments.get(task.department), context.manifest);
    const entry = counts.get(cal.name) ?? { cal, n: 0 };
    entry.n++;
    counts.set(cal.name, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n || a.cal.name.localeCompare(b.cal.name))[0];
  return best?.cal ?? departmentCalendar(undefined, context.manifest);
}
