// tam status, the domain: where every open change stands today, and per department what it can
// start now, what is queued next, what runs and what is blocked. Every date comes from the one
// scheduling engine (scheduleProject), so status, plan and report agree.
import {
  BEFORE_WORK_STATUSES,
  type Change,
  type Component,
  type Department,
  type DocEntry,
  type Incident,
  type Manifest,
  type Meeting,
  type ReviewAction,
  type Task,
  type TaskStatus,
} from "../../model/files.js";
import { dayNumber } from "../dates.js";
import { openActions, reviewsDue } from "../validation/review-rules.js";
import { overdueByOwner, type ActionLine } from "../meetings/minutes.js";
import { updatesDue, type UpdateDue } from "../incidents/notify.js";
import type { Issue, Location } from "../../model/issues.js";
import { planDrift } from "../planner/index.js";
import { compareIds } from "../planner/order.js";
import { isOpenChange, scheduleProject } from "../planner/project-schedule.js";
import type { ChangeSchedule, ProjectSchedule, TaskSchedule } from "../planner/schedule-types.js";
import { formatWork } from "../planner/work-text.js";
import { parseTimestamp } from "../dates.js";
import { dateInZone, zonedToEpoch } from "../zone.js";
import { needsApprovalBeforeWork } from "./lifecycle.js";
import { untoldProblems, type UntoldProblem } from "./untold.js";
import { escalations, type EscalationStatus } from "./escalation.js";
import { compareText } from "../../model/text-order.js";
import { pushTo } from "../../util/collections.js";

export interface StatusInput {
  changes: readonly Change[];
  departments: readonly Department[];
  manifest: Manifest | undefined;
  today: string;
  timezone: string;
  /** --as-of as an instant; defaults to the start of `today`. */
  now?: number;
  /** Only tasks of this department. */
  department?: string;
  /** Only tasks assigned to this person (`--mine`). */
  assignee?: string;
  /**
   * The architecture and documents: given, status also reports a change under way whose written
   * tasks no longer follow from the rules and the architecture (`outdated-plan`).
   */
  components?: readonly Component[];
  docs?: readonly DocEntry[];
  /** The incident log: review actions and reviews due are listed when given. */
  incidents?: readonly Incident[];
  /** The minutes of client meetings: overdue action items are listed when given. */
  meetings?: readonly Meeting[];
  /** A schedule already computed for the same input (the report shares its own). */
  schedule?: ProjectSchedule;
  where?(entity: object, ...field: (string | number)[]): Location;
}

export interface TaskRef {
  change: string;
  id: string;
  title: string;
  department: string;
  status: TaskStatus;
  assignee?: string;
  /** Forecast (or recorded) start and finish dates, in the department's zone. */
  plannedStart: string;
  plannedFinish: string;
  /** Time of the latest history entry. */
  since?: string;
  /** Note of the latest history entry (for blocked tasks: what it waits for). */
  note?: string;
  /** How late, in the department's working time ("1d 4h"), and why. */
  lateBy?: { by: string; why: string };
  /** The task whose finish frees the department for this one (capacity). */
  waitsFor?: string;
  /** Baseline finish and the slip against it, in working time. */
  baselineFinish?: string;
  slip?: string;
  /** The task's ticket in its department's queue (tam change dispatch), as the last `tam task sync` read it. */
  ticket?: { key: string; status?: string; syncedAt?: string };
  /** Blocked: the day the block is expected to clear (`tam task block --until`). */
  until?: string;
  /** Its dates rest on a block with no expected date: plannedFinish is only a "not before". */
  dateOpen?: true;
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
  /** Forecast finish (the same date as `tam change plan` and `tam report`); with dateOpen only a "not before". */
  plannedFinish?: string;
  /** Blocked tasks with no expected unblock date: the forecast is open (what each waits for). */
  dateOpen?: { task: string; since: string; note?: string; until?: string }[];
  /** The dates promised (from the baseline when there is one): internal ×2 and client ×3. */
  internalDate?: string;
  clientDate?: string;
  fromBaseline: boolean;
  baselineFinish?: string;
  /** Forecast minus baseline finish, working days. */
  slipDays?: number;
  /** The same, written as every tam duration is: "5d 3h". */
  slip?: string;
  ready: TaskRef[];
  inProgress: TaskRef[];
  blocked: TaskRef[];
  /** Not finished although they should have been (over their estimate, or past the baseline). */
  late: TaskRef[];
  /** Why no task of the change may start yet: "approval" (a normal change not approved) or "window" (its window opens later). */
  awaiting?: "approval" | "window";
  /** Late or blocked tasks the last client notice did not tell about ("bad news does not improve with age"). */
  untold: UntoldProblem[];
  /** When the client was last sent a notice about the change. */
  lastNotice?: string;
}

export interface DepartmentStatus {
  department: string;
  name: string;
  capacity: number | null;
  /** Ready, and the department has room: can start now. */
  startNow: TaskRef[];
  /** Open work waiting for predecessors or capacity, by forecast start. */
  queued: TaskRef[];
  inProgress: TaskRef[];
  blocked: TaskRef[];
  done: number;
  total: number;
}

export interface StatusReport {
  today: string;
  department?: string;
  assignee?: string;
  changes: ChangeProgress[];
  /** Ready tasks grouped by department, departments sorted by id. */
  readyByDepartment: { department: string; tasks: TaskRef[] }[];
  departments: DepartmentStatus[];
  /** Signals of the schedule (late, at risk, impossible, window overflow, blocked). */
  findings: Issue[];
  /** The incident loop: open review actions per owner, and reviews due (when the incidents were given). */
  reviews?: ReviewStatus;
  /** Open incidents overdue for a client update (tam.yaml `updates`), most overdue first (when the incidents were given). */
  updates?: UpdateDue[];
  /** Blocked tasks and aging incidents on their department's escalation chain: whom to call, since when (departments.yaml `escalation`). */
  escalations: EscalationStatus[];
  /** Action items of client meetings open past their due date, per owner (when the meetings were given). */
  meetingActions?: { owner: string; actions: ActionLine[] }[];
}

export interface ReviewActionRef {
  incident: string;
  id: string;
  text: string;
  owner: string;
  side: ReviewAction["side"];
  due: string;
  /** Days past its due date (0: not overdue). */
  overdueDays: number;
}

export interface ReviewStatus {
  /** Open actions grouped by owner (owners sorted, overdue ones first within each). */
  actions: { owner: string; actions: ReviewActionRef[] }[];
  /** Resolved incidents that need a review and have none yet, by due date. */
  due: { incident: string; title: string; reason: string; resolvedOn: string; due: string; overdueDays: number }[];
}

/** Open review actions per owner and reviews due, as of `today`; --department / --mine keep the owner's own. */
export function reviewStatus(input: Pick<StatusInput, "manifest" | "today" | "timezone" | "department" | "assignee"> & { incidents: readonly Incident[]; now: number }): ReviewStatus {
  const late = (due: string) => Math.max(0, dayNumber(input.today) - dayNumber(due));
  const mine = (owner: string) => (!input.department || owner === input.department) && (!input.assignee || owner === input.assignee);
  const owners = new Map<string, ReviewActionRef[]>();
  for (const { incident, action } of openActions(input.incidents)) {
    if (typeof action.owner !== "string" || !mine(action.owner)) continue;
    const ref: ReviewActionRef = { incident: incident.id, id: action.id, text: action.text, owner: action.owner, side: action.side, due: action.due, overdueDays: late(action.due) };
    pushTo(owners, action.owner, ref);
  }
  const actions = [...owners.keys()].sort().map((owner) => ({
    owner,
    actions: owners.get(owner)!.sort((a, b) => b.overdueDays - a.overdueDays || compareText(a.due, b.due) || compareText(a.incident, b.incident)),
  }));
  const due =
    input.department || input.assignee
      ? []
      : reviewsDue({ manifest: input.manifest, incidents: input.incidents as Incident[] }, { today: input.today, now: input.now, timezone: input.timezone })
          .map((d) => ({ incident: d.incident.id, title: d.incident.title, reason: d.reason, resolvedOn: d.resolvedOn, due: d.due, overdueDays: late(d.due) }))
          .sort((a, b) => compareText(a.due, b.due) || compareText(a.incident, b.incident));
  return { actions, due };
}

const FINISHED: TaskStatus[] = ["done", "cancelled"];

export function isReady(task: Task, tasks: readonly Task[]): boolean {
  return task.status === "todo" && (task.after ?? []).every((id) => FINISHED.includes(tasks.find((t) => t.id === id)?.status ?? "done"));
}

/** Before its first task starts: a normal change waits for its approval, and no work starts before its window opens. */
function awaitingOf(change: Change, input: Pick<StatusInput, "today" | "timezone">): "approval" | "window" | undefined {
  if (!BEFORE_WORK_STATUSES.includes(change.status)) return undefined;
  if (needsApprovalBeforeWork(change)) return "approval";
  const start = change.window?.start ? parseTimestamp(change.window.start) : Number.NaN;
  return Number.isFinite(start) && dateInZone(start, input.timezone) > input.today ? "window" : undefined;
}

export function projectStatus(input: StatusInput): StatusReport {
  const now = input.now ?? zonedToEpoch(input.today, 0, input.timezone);
  // Only open changes are shown, and closed ones take no capacity: they need no schedule.
  const schedule =
    input.schedule ?? scheduleProject({ manifest: input.manifest, departments: input.departments, changes: input.changes, now, timezone: input.timezone, openOnly: true, where: input.where });
  const changes = input.changes.filter(isOpenChange).sort((a, b) => compareText(a.id, b.id));
  const keep = (t: TaskSchedule) => (!input.department || t.department === input.department) && (!input.assignee || t.assignee === input.assignee);
  const rows = changes.map((change) => changeProgress(change, schedule.byId.get(change.id)!, input, keep));
  const ready = new Map<string, TaskRef[]>();
  for (const row of rows) for (const task of row.ready) pushTo(ready, task.department, task);
  // Findings about a task follow the --department / --mine filter; findings about a change stay.
  const outdated = input.components ? outdatedPlans(changes, input, now) : new Map<string, Issue>();
  const findings = changes.flatMap((c) => {
    const row = schedule.byId.get(c.id)!;
    const shown = new Set(row.tasks.filter(keep).map((t) => t.id));
    const own = row.findings.filter((f) => f.task === undefined || shown.has(f.task));
    const stale = outdated.get(c.id);
    return [...own, ...(stale ? [stale] : []), ...wontDo(c, shown, input)];
  });
  return {
    today: input.today,
    ...(input.department ? { department: input.department } : {}),
    ...(input.assignee ? { assignee: input.assignee } : {}),
    changes: rows,
    readyByDepartment: [...ready.keys()].sort().map((department) => ({ department, tasks: ready.get(department)! })),
    departments: departmentRows(changes, schedule, input, keep),
    findings,
    escalations: escalations({ ...input, changes, incidents: input.incidents, now }),
    ...(input.incidents
      ? { reviews: reviewStatus({ ...input, incidents: input.incidents, now }), updates: input.department || input.assignee ? [] : updatesDue(input.incidents, input.manifest, now, input.timezone) }
      : {}),
    // A meeting's promises are people's: --department leaves them out, --mine keeps one's own.
    ...(input.meetings ? { meetingActions: input.department ? [] : overdueByOwner(input.meetings, input.today).filter((o) => !input.assignee || o.owner === input.assignee) } : {}),
  };
}

/** Tasks whose ticket was closed as "won't do" while the task is still open: reported, never cancelled silently. */
function wontDo(change: Change, shown: ReadonlySet<string>, input: StatusInput): Issue[] {
  return (change.tasks ?? []).flatMap((task, index): Issue[] => {
    if (task.ticket?.state !== "wont-do" || FINISHED.includes(task.status) || !shown.has(task.id)) return [];
    const where = input.where?.(change, "tasks", index, "ticket") ?? { file: `changes/${change.id}.yaml` };
    return [
      {
        severity: "warning",
        code: "ticket-wont-do",
        message: `${change.id}/${task.id} is ${task.status}, but its ticket ${task.ticket.key} was closed as "${task.ticket.status ?? "won't do"}"${task.ticket.synced_at ? ` (synced ${task.ticket.synced_at})` : ""}: cancel the task (tam task cancel ${change.id}/${task.id} --note '…') or reopen the ticket`,
        ...where,
      },
    ];
  });
}

/** Changes agreed or under way (approved, in progress) whose written tasks differ from the ones the rules and the architecture now give. */
const UNDER_WAY = ["approved", "in-progress"];

function outdatedPlans(changes: readonly Change[], input: StatusInput, now: number): Map<string, Issue> {
  const where = (entity: object, ...field: (string | number)[]): Location => input.where?.(entity, ...field) ?? { file: `changes/${(entity as Change).id}.yaml` };
  const out = new Map<string, Issue>();
  for (const change of changes) {
    if (!UNDER_WAY.includes(change.status)) continue;
    const diff = planDrift({
      change,
      manifest: input.manifest,
      departments: input.departments,
      components: input.components ?? [],
      changes: input.changes,
      docs: input.docs ?? [],
      where,
      today: input.today,
      timezone: input.timezone,
      now,
    });
    if (!diff) continue;
    const parts: string[] = [];
    if (diff.added.length) parts.push(`adds ${diff.added.join(", ")}`);
    if (diff.removed.length) parts.push(`removes ${diff.removed.map((r) => r.id).join(", ")}`);
    if (diff.changed.length) parts.push(`changes ${diff.changed.map((c) => `${c.id} (${c.fields.join(", ")})`).join(", ")}`);
    out.set(change.id, {
      severity: "warning",
      code: "outdated-plan",
      message: `${change.id} (${change.status}): its written tasks no longer follow from the rules and the architecture: re-planning ${parts.join("; ")}. See \`tam change plan ${change.id}\`, then adopt it with --write or keep the plan as written`,
      ...where(change, change.tasks?.length ? "tasks" : "id"),
    });
  }
  return out;
}

function ref(task: TaskSchedule, written: Task | undefined): TaskRef {
  const last = written?.history?.[written.history.length - 1];
  return {
    change: task.change,
    id: task.id,
    title: task.title,
    department: task.department,
    status: task.status,
    ...(task.assignee ? { assignee: task.assignee } : {}),
    plannedStart: task.startDate ?? "",
    plannedFinish: task.finishDate ?? "",
    ...(task.blocked ? { since: task.blocked.since } : last ? { since: last.at } : {}),
    ...(last?.note ? { note: last.note } : {}),
    ...(task.late ? { lateBy: { by: formatWork(task.late.byMs, task.dayMs), why: task.late.why } } : {}),
    ...(task.waitedFor ? { waitsFor: task.waitedFor } : {}),
    ...(task.baseline ? { baselineFinish: task.baseline.finishDate } : {}),
    ...(task.slipMs !== undefined && Math.abs(task.slipMs) >= 60_000 ? { slip: formatWork(task.slipMs, task.dayMs) } : {}),
    ...(written?.ticket?.key
      ? { ticket: { key: written.ticket.key, ...(written.ticket.status ? { status: written.ticket.status } : {}), ...(written.ticket.synced_at ? { syncedAt: written.ticket.synced_at } : {}) } }
      : {}),
    ...(task.blocked?.until ? { until: task.blocked.until } : {}),
    ...(task.dateOpen ? { dateOpen: true as const } : {}),
  };
}

function changeProgress(change: Change, schedule: ChangeSchedule, input: StatusInput, keep: (t: TaskSchedule) => boolean): ChangeProgress {
  const tasks = change.tasks ?? [];
  const written = new Map(tasks.map((t) => [t.id, t]));
  const mine = schedule.tasks.filter(keep);
  const pick = (test: (t: TaskSchedule) => boolean) =>
    mine
      .filter(test)
      .map((t) => ref(t, written.get(t.id)))
      .sort((a, b) => compareIds(a.id, b.id));
  const awaiting = awaitingOf(change, input);
  const late = pick((t) => t.late !== undefined);
  const blocked = pick((t) => t.status === "blocked");
  const counted = tasks.filter((t) => t.status !== "cancelled");
  return {
    id: change.id,
    title: change.title,
    status: change.status,
    ...(change.due ? { due: change.due } : {}),
    overdue: change.due !== undefined && change.due < input.today,
    planned: tasks.length > 0,
    done: counted.filter((t) => t.status === "done").length,
    total: counted.length,
    ...(schedule.finishDate ? { plannedFinish: schedule.finishDate } : {}),
    ...(schedule.dateOpen ? { dateOpen: schedule.dateOpen } : {}),
    ...(schedule.planned ? { internalDate: schedule.promise.internalDate, clientDate: schedule.promise.clientDate } : {}),
    fromBaseline: schedule.promise.fromBaseline,
    ...(schedule.baseline ? { baselineFinish: schedule.baseline.finish.slice(0, 10) } : {}),
    ...(schedule.slipDays !== undefined ? { slipDays: schedule.slipDays } : {}),
    ...(schedule.slip !== undefined ? { slip: schedule.slip } : {}),
    ready: awaiting ? [] : pick((t) => written.has(t.id) && isReady(written.get(t.id)!, tasks)),
    inProgress: pick((t) => t.status === "in-progress"),
    blocked,
    late,
    ...(awaiting ? { awaiting } : {}),
    untold: untoldProblems(change, late, blocked),
    ...(change.last_notice?.at ? { lastNotice: change.last_notice.at } : {}),
  };
}

function departmentRows(changes: readonly Change[], schedule: ProjectSchedule, input: StatusInput, keep: (t: TaskSchedule) => boolean): DepartmentStatus[] {
  const byId = new Map(input.departments.map((d) => [d.id, d]));
  const rows = new Map<string, DepartmentStatus>();
  for (const change of changes) {
    const tasks = change.tasks ?? [];
    const written = new Map(tasks.map((t) => [t.id, t]));
    const awaiting = awaitingOf(change, input);
    for (const task of schedule.byId.get(change.id)!.tasks) {
      if (!keep(task)) continue;
      const department = byId.get(task.department);
      let row = rows.get(task.department);
      if (!row)
        rows.set(
          task.department,
          (row = {
            department: task.department,
            name: department?.name ?? task.department,
            capacity: department?.capacity ?? null,
            startNow: [],
            queued: [],
            inProgress: [],
            blocked: [],
            done: 0,
            total: 0,
          }),
        );
      row.total++;
      const r = ref(task, written.get(task.id));
      if (task.status === "done") row.done++;
      else if (task.status === "in-progress") row.inProgress.push(r);
      else if (task.status === "blocked") row.blocked.push(r);
      else if (!awaiting && isReady(written.get(task.id)!, tasks) && !task.waitedFor) row.startNow.push(r);
      else row.queued.push(r);
    }
  }
  const byStart = (a: TaskRef, b: TaskRef) => compareText(a.plannedStart, b.plannedStart) || compareText(a.change, b.change) || compareIds(a.id, b.id);
  for (const row of rows.values()) for (const list of [row.startNow, row.queued, row.inProgress, row.blocked]) list.sort(byStart);
  return [...rows.values()].sort((a, b) => compareText(a.department, b.department));
}
