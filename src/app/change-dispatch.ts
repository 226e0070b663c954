// Use case: a change's open tasks as tickets for the departments' queues (tam change dispatch):
// one row per task, with the department's queue (departments.yaml `queue`), the dates of the
// living schedule (the same as `tam status`), the predecessors and the change's rollback plan.
// Reads only: nothing in the project changes.
import { scheduleProject } from "../domain/planner/project-schedule.js";
import { wallClock } from "../domain/zone.js";
import type { DepartmentQueue, TaskStatus } from "../model/files.js";
import { requireValidIn } from "../project/check.js";
import { FILE_NAMES } from "../project/load.js";
import { clockFor, openProject, projectAsOf, type ClockOptions, type ProjectOptions } from "./context.js";
import { findChange } from "./lookup.js";

export interface DispatchRequest extends ProjectOptions, ClockOptions {
  id: string;
}

/** One ticket to create: a task of the change, for its department's queue. */
export interface DispatchTicket {
  /** CHANGE/TASK, e.g. CHG-0003/T2: the reference `tam task sync` finds the task by. */
  ref: string;
  task: string;
  /** "[CHG-0003/T2] title": the ticket's summary. */
  summary: string;
  title: string;
  description: string;
  department: string;
  departmentName: string;
  queue: DepartmentQueue;
  status: TaskStatus;
  components: string[];
  /** Predecessors still open, dispatched in the same file (the "blocked by" links). */
  blockedBy: string[];
  /** All predecessors with their status. */
  after: { ref: string; status: TaskStatus }[];
  estimate?: string;
  /** Forecast start and finish of the living schedule, in the department's zone (null when it cannot be placed). */
  start: { date: string; local: string } | null;
  finish: { date: string; local: string } | null;
  zone: string;
  labels: string[];
}

export interface DispatchResult {
  change: { id: string; title: string; status: string; rollback?: string };
  /** The day the schedule is computed for (`--as-of` or today). */
  asOf: string;
  tickets: DispatchTicket[];
  /** Tasks not dispatched: done or cancelled. */
  skipped: { ref: string; status: TaskStatus }[];
  /** Departments of the tickets without a queue for each tool. */
  withoutQueue: { jira: string[]; servicenow: string[] };
}

const FINISHED: TaskStatus[] = ["done", "cancelled"];

/** "2026-11-13 14:00:00": the wall-clock time in the zone, as import tools read it. */
function localTime(epoch: number, zone: string): string {
  const w = wallClock(epoch, zone);
  const p = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
}

/** A label without spaces (Jira labels cannot hold one). */
function label(text: string): string {
  return text.replace(/\s+/g, "-");
}

export function dispatchChange(request: DispatchRequest): DispatchResult {
  const read = openProject(request);
  const { change: found, file } = findChange(read, request.id);
  requireValidIn(read, [file, FILE_NAMES.manifest, FILE_NAMES.departments]);
  const clock = clockFor(read, request.asOf, request.now);
  const project = projectAsOf(read, clock);
  const change = project.changes.find((c) => c.id === found.id)!;
  const tasks = change.tasks ?? [];
  const schedule = scheduleProject({ manifest: project.manifest, departments: project.departments, changes: project.changes, now: clock.now, timezone: clock.timezone });
  const timing = new Map((schedule.byId.get(change.id)?.tasks ?? []).map((t) => [t.id, t]));
  const departments = new Map(project.departments.map((d) => [d.id, d]));
  const open = tasks.filter((t) => !FINISHED.includes(t.status));
  const dispatched = new Set(open.map((t) => t.id));
  const tickets = open.map((task): DispatchTicket => {
    const ref = `${change.id}/${task.id}`;
    const department = departments.get(task.department);
    const t = timing.get(task.id);
    const zone = t?.zone ?? clock.timezone;
    const after = (task.after ?? []).map((id) => ({ ref: `${change.id}/${id}`, status: tasks.find((x) => x.id === id)?.status ?? ("done" as TaskStatus) }));
    const blockedBy = (task.after ?? []).filter((id) => dispatched.has(id)).map((id) => `${change.id}/${id}`);
    const start = t?.start != null && t.startDate ? { date: t.startDate, local: localTime(t.start, zone) } : null;
    const finish = t?.finish != null && t.finishDate ? { date: t.finishDate, local: localTime(t.finish, zone) } : null;
    const components = task.components ?? [];
    const lines = [
      `${ref}: ${task.title}`,
      `Change ${change.id}: ${change.title}`,
      `Department: ${department?.name ?? task.department}`,
      ...(components.length ? [`Components: ${components.join(", ")}`] : []),
      ...(task.estimate ? [`Estimate: ${task.estimate}`] : []),
      ...(start && finish ? [`Planned: ${start.local} to ${finish.local} (${zone})`] : []),
      `Predecessors: ${after.length ? after.map((a) => `${a.ref} (${a.status})`).join(", ") : "none"}`,
      "",
      "Rollback plan of the change:",
      change.rollback?.trim() || "(none written)",
      "",
      `Keep "[${ref}]" in the summary: tam reads this ticket's status back by it (tam task sync).`,
    ];
    return {
      ref,
      task: task.id,
      summary: `[${ref}] ${task.title}`,
      title: task.title,
      description: lines.join("\n"),
      department: task.department,
      departmentName: department?.name ?? task.department,
      queue: { ...(department?.queue ?? {}) },
      status: task.status,
      components,
      blockedBy,
      after,
      ...(task.estimate ? { estimate: task.estimate } : {}),
      start,
      finish,
      zone,
      labels: ["tam", label(change.id), label(task.department)],
    };
  });
  const withoutQueue = (tool: keyof DepartmentQueue) => [...new Set(tickets.filter((t) => !t.queue[tool]).map((t) => t.department))].sort();
  return {
    change: { id: change.id, title: change.title, status: change.status, ...(change.rollback ? { rollback: change.rollback } : {}) },
    asOf: clock.today,
    tickets,
    skipped: tasks.filter((t) => FINISHED.includes(t.status)).map((t) => ({ ref: `${change.id}/${t.id}`, status: t.status })),
    withoutQueue: { jira: withoutQueue("jira"), servicenow: withoutQueue("servicenow") },
  };
}
