// tam status, the domain: where every open change stands today, and what each department
// can pick up now.
import { OPEN_CHANGE_STATUSES, type Change, type Department, type Manifest, type Task, type TaskStatus } from "../../model/files.js";
import { plannedStart } from "../planner/index.js";
import { compareIds } from "../planner/order.js";
import { schedule } from "../planner/schedule.js";
import { pushTo } from "../../util/collections.js";

export interface StatusInput {
  changes: readonly Change[];
  departments: readonly Department[];
  manifest: Manifest | undefined;
  today: string;
  timezone: string;
  /** Only tasks of this department. */
  department?: string;
}

export interface TaskRef {
  change: string;
  id: string;
  title: string;
  department: string;
  status: TaskStatus;
  plannedStart: string;
  plannedFinish: string;
  /** Time of the latest history entry. */
  since?: string;
  /** Note of the latest history entry (for blocked tasks: what it waits for). */
  note?: string;
}

export interface ChangeProgress {
  id: string;
  title: string;
  status: string;
  due?: string;
  /** The due date has passed and the change is not done. */
  overdue: boolean;
  planned: boolean;
  done: number;
  /** Tasks that count: all but the cancelled ones. */
  total: number;
  plannedFinish?: string;
  ready: TaskRef[];
  inProgress: TaskRef[];
  blocked: TaskRef[];
  /** Not finished although the plan says they should have been. */
  late: TaskRef[];
}

export interface StatusReport {
  today: string;
  department?: string;
  changes: ChangeProgress[];
  /** Ready tasks grouped by department, departments sorted by id. */
  readyByDepartment: { department: string; tasks: TaskRef[] }[];
}

const FINISHED: TaskStatus[] = ["done", "cancelled"];

export function isReady(task: Task, tasks: readonly Task[]): boolean {
  return task.status === "todo" && (task.after ?? []).every((id) => FINISHED.includes(tasks.find((t) => t.id === id)?.status ?? "done"));
}

export function projectStatus(input: StatusInput): StatusReport {
  const departments = new Map(input.departments.map((d) => [d.id, d]));
  const changes = input.changes.filter((c) => OPEN_CHANGE_STATUSES.includes(c.status)).sort((a, b) => a.id.localeCompare(b.id));
  const rows = changes.map((change) => changeProgress(change, input, departments));
  const ready = new Map<string, TaskRef[]>();
  for (const row of rows) for (const task of row.ready) pushTo(ready, task.department, task);
  return {
    today: input.today,
    ...(input.department ? { department: input.department } : {}),
    changes: rows,
    readyByDepartment: [...ready.keys()].sort().map((department) => ({ department, tasks: ready.get(department)! })),
  };
}

function changeProgress(change: Change, input: StatusInput, departments: Map<string, Department>): ChangeProgress {
  const tasks = change.tasks ?? [];
  const timing = new Map(schedule(tasks.map((t) => ({ id: t.id, department: t.department, after: t.after ?? [], estimate: t.estimate })), { departments, manifest: input.manifest, start: plannedStart({ change, today: input.today, timezone: input.timezone }) }).tasks.map((t) => [t.id, t]));
  const mine = tasks.filter((t) => !input.department || t.department === input.department);
  const ref = (task: Task): TaskRef => {
    const last = task.history?.[task.history.length - 1];
    const when = timing.get(task.id)!;
    return { change: change.id, id: task.id, title: task.title, department: task.department, status: task.status, plannedStart: when.earlyStart, plannedFinish: when.earlyFinish, ...(last ? { since: last.at } : {}), ...(last?.note ? { note: last.note } : {}) };
  };
  const pick = (test: (t: Task) => boolean) => mine.filter(test).map(ref).sort((a, b) => compareIds(a.id, b.id));
  const counted = tasks.filter((t) => t.status !== "cancelled");
  const finishes = [...timing.values()].map((t) => t.earlyFinish).sort();
  return {
    id: change.id,
    title: change.title,
    status: change.status,
    ...(change.due ? { due: change.due } : {}),
    overdue: change.due !== undefined && change.due < input.today,
    planned: tasks.length > 0,
    done: counted.filter((t) => t.status === "done").length,
    total: counted.length,
    ...(finishes.length ? { plannedFinish: finishes[finishes.length - 1] } : {}),
    ready: pick((t) => isReady(t, tasks)),
    inProgress: pick((t) => t.status === "in-progress"),
    blocked: pick((t) => t.status === "blocked"),
    late: pick((t) => !FINISHED.includes(t.status) && timing.get(t.id)!.earlyFinish < input.today),
  };
}
