// tam change notify, the domain: the status update a TAM sends the client about one change,
// from its real state. In the client's terms (component and team names, not ids), with the
// dates promised to the client (the ×3 rule), never the internal ones; late and blocked work
// said at once with what is being done about it; what the client must do.
import type { Change, Component, Department, Manifest, Task } from "../../model/files.js";
import { addDays, dayNumber, parseTimestamp } from "../dates.js";
import { compareIds } from "../planner/order.js";
import { scheduleProject } from "../planner/project-schedule.js";
import type { ChangeSchedule, TaskSchedule } from "../planner/schedule-types.js";
import { dateInZone } from "../zone.js";
import { needsApprovalBeforeWork, awaitsRetroactiveApproval } from "./lifecycle.js";
import { acceptedRiskSteps, type AcceptedRisk } from "./readiness.js";
import { compareText } from "../../model/text-order.js";

export interface NoticeInput {
  change: Change;
  /** Every change of the project: they share the departments' capacity. */
  changes: readonly Change[];
  manifest: Manifest | undefined;
  departments: readonly Department[];
  components: readonly Component[];
  today: string;
  timezone: string;
  now: number;
}

export interface NoticeItem {
  task: string;
  title: string;
  team: string;
  /** Names of the components the task works on. */
  components: string[];
  /** The date promised to the client for this step. */
  promised?: string;
  /** Day the task was finished, started or blocked. */
  on?: string;
  /** What it waits for (blocked) or the last note. */
  note?: string;
  /** What is being done about it (late or blocked). */
  action?: string;
  /** Blocked: the day it is expected to clear, agreed with whoever it waits for (none: the date is open). */
  until?: string;
}

export interface ClientNotice {
  client: string;
  project?: string;
  tam?: string;
  change: { id: string; title: string; type: string; status: string; due?: string };
  /** The change's state in the client's words. */
  state: string;
  today: string;
  /** Day of the previous notice: "since" in the text. */
  since?: string;
  components: string[];
  progress: { done: number; total: number };
  /** The date promised to the client for the whole change, and whether the forecast still keeps it (`passed`: the date is gone; `open`: a step blocked with no expected date keeps the date open; a block expected to clear on a day is in the forecast). */
  promise?: { date: string; forecast: string; kept: boolean; passed?: boolean; open?: boolean };
  done: NoticeItem[];
  inProgress: NoticeItem[];
  next: NoticeItem[];
  late: NoticeItem[];
  blocked: NoticeItem[];
  clientActions: string[];
  outcome?: { outcome: string; note: string };
  /** The promise moved by `tam change rebaseline`: from which date, and why. */
  moved?: { from?: string; to: string; reason: string };
  /** Risks accepted when a step was forced past a failing readiness item (who, when, why). */
  acceptedRisks: AcceptedRisk[];
  /** What the notice tells about, stored as the change's `last_notice`. */
  told: { late: string[]; blocked: string[] };
}

const FINISHED = new Set(["done", "cancelled"]);

function stateText(change: Change): string {
  switch (change.status) {
    case "draft":
      return "being prepared";
    case "planned":
      return needsApprovalBeforeWork(change) ? "planned, waiting for your approval" : "planned";
    case "approved":
      return "approved, scheduled";
    case "in-progress":
      return "in progress";
    case "review":
      return "work finished, in review";
    case "done":
      return change.closure?.outcome === "rolled-back" ? "rolled back" : change.closure?.outcome === "with-issues" ? "completed, with issues" : "completed";
    default:
      return change.status;
  }
}

export function clientNotice(input: NoticeInput): ClientNotice {
  const { change, today } = input;
  const tasks = change.tasks ?? [];
  const departments = new Map(input.departments.map((d) => [d.id, d]));
  const names = new Map<string, string>([...input.components, ...(change.new_components ?? [])].map((c) => [c.id, c.name]));
  const day = (at: string | undefined) => (at ? dateInZone(parseTimestamp(at), input.timezone) : undefined);
  const since = change.last_notice?.at;
  const sinceMs = since ? parseTimestamp(since) : Number.NEGATIVE_INFINITY;

  // The dates come from the one scheduling engine, with every open change (capacity is shared).
  const project = scheduleProject({
    manifest: input.manifest,
    departments: input.departments,
    changes: input.changes.some((c) => c.id === change.id) ? input.changes.map((c) => (c.id === change.id ? change : c)) : [...input.changes, change],
    now: input.now,
    timezone: input.timezone,
  });
  const plan: ChangeSchedule | undefined = project.byId.get(change.id);
  const timing = new Map<string, TaskSchedule>((plan?.tasks ?? []).map((t) => [t.id, t]));
  const promised = promiseScale(plan);
  const open = tasks.filter((t) => !FINISHED.has(t.status));

  const item = (task: Task, extra: Partial<NoticeItem> = {}): NoticeItem => {
    const department = departments.get(task.department);
    const when = timing.get(task.id);
    return {
      task: task.id,
      title: task.title,
      team: department?.name ?? task.department,
      components: (task.components ?? []).map((id) => names.get(id) ?? id),
      ...(when && !FINISHED.has(task.status) && promised(when) ? { promised: promised(when)! } : {}),
      ...extra,
    };
  };
  const last = (task: Task) => task.history?.[task.history.length - 1];
  const byId = (a: NoticeItem, b: NoticeItem) => compareIds(a.task, b.task);

  const done = tasks
    .filter((t) => t.status === "done" && parseTimestamp(last(t)?.at ?? "") > sinceMs)
    .map((t) => item(t, { on: day(last(t)?.at) }))
    .sort(byId);
  const late = open.filter((t) => t.status !== "blocked" && timing.get(t.id)?.late !== undefined);
  const lateItems = late.map((t) => {
    const team = departments.get(t.department)?.name ?? t.department;
    const note = last(t)?.note;
    return item(t, { ...(note ? { note } : {}), action: `${team} is on it; we follow it up daily and tell you at once if the date moves` });
  });
  const blocked = open.filter((t) => t.status === "blocked");
  // A block with an expected day that has not passed is dated (the forecast holds the step until then); one without is open.
  const openBlocks = new Set((plan?.dateOpen ?? []).map((b) => b.task));
  const blockedItems = blocked.map((t) => {
    const team = departments.get(t.department)?.name ?? t.department;
    const until = openBlocks.has(t.id) ? undefined : timing.get(t.id)?.blocked?.until;
    return item(t, {
      on: day(timing.get(t.id)?.blocked?.since ?? last(t)?.at),
      ...(last(t)?.note ? { note: last(t)!.note!.trim() } : {}),
      ...(until ? { until } : {}),
      action: until
        ? `it is expected to move on ${until}; we chase it with ${team} and will tell you at once if that changes`
        : `we chase it with ${team} every day and will tell you as soon as it moves`,
    });
  });
  const inProgress = open.filter((t) => t.status === "in-progress" && !late.includes(t)).map((t) => item(t, { on: day([...(t.history ?? [])].reverse().find((e) => e.status === "in-progress")?.at) }));
  const ready = (t: Task) => t.status === "todo" && !late.includes(t);
  const next = open
    .filter(ready)
    .sort((a, b) => compareText(timing.get(a.id)?.startDate ?? "", timing.get(b.id)?.startDate ?? "") || compareIds(a.id, b.id))
    .slice(0, 5)
    .map((t) => item(t));

  const clientActions: string[] = [];
  if (["draft", "planned"].includes(change.status) && needsApprovalBeforeWork(change))
    clientActions.push("Approve the change (a reply to this message is enough): work starts only after your approval.");
  if (awaitsRetroactiveApproval(change)) clientActions.push("Confirm this emergency change in writing: it was started at once to protect the service and needs your approval afterwards.");
  if (change.status === "review" && change.test_plan) clientActions.push(`Check the result with us against the agreed test plan: ${change.test_plan.trim()}`);
  const promisedNow = plan?.planned ? plan.promise.clientDate : undefined;
  const finishing = plan?.finishDate ?? undefined;
  const dateOpen = openBlocks.size > 0;
  if (change.status !== "done" && promisedNow && (dateOpen || promisedNow < today || (finishing && finishing > promisedNow)))
    clientActions.push(`Agree a new date with us: we will not make ${promisedNow}${dateOpen ? " while a step is blocked with no date" : ""}.`);
  if (!clientActions.length && change.status !== "done" && !dateOpen) clientActions.push("Nothing for now.");

  const promiseDate = plan?.planned ? plan.promise.clientDate : undefined;
  const forecast = plan?.finishDate ?? undefined;
  const client = input.manifest?.client?.name ?? "";
  return {
    client,
    ...(input.manifest?.project?.name ? { project: input.manifest.project.name } : {}),
    ...(input.manifest?.tam?.name ? { tam: input.manifest.tam.name } : {}),
    change: { id: change.id, title: change.title, type: change.type, status: change.status, ...(change.due ? { due: change.due } : {}) },
    state: stateText(change),
    today,
    ...(since ? { since: day(since) } : {}),
    components: [...new Set(change.scope.map((s) => names.get(s.component) ?? s.component))],
    progress: { done: tasks.filter((t) => t.status === "done").length, total: tasks.filter((t) => t.status !== "cancelled").length },
    ...(promiseDate && forecast
      ? {
          promise: {
            date: promiseDate,
            forecast,
            kept: forecast <= promiseDate && promiseDate >= today && !dateOpen,
            ...(promiseDate < today && change.status !== "done" ? { passed: true } : {}),
            ...(dateOpen ? { open: true } : {}),
          },
        }
      : {}),
    done,
    inProgress,
    next,
    late: lateItems,
    blocked: blockedItems,
    clientActions,
    ...(change.closure ? { outcome: { outcome: change.closure.outcome, note: change.closure.note } } : {}),
    ...(change.baseline?.reason
      ? { moved: { ...(change.baseline.previous_client ? { from: change.baseline.previous_client } : {}), to: change.baseline.client, reason: change.baseline.reason.trim() } }
      : {}),
    acceptedRisks: acceptedRiskSteps(change),
    told: { late: late.map((t) => t.id).sort(compareIds), blocked: blocked.map((t) => t.id).sort(compareIds) },
  };
}

/**
 * The date promised to the client for each step: the change's client promise (the baseline's when
 * one was agreed) spread over the plan in proportion, so the last step is promised on the change's
 * date and no step's promise is an internal date.
 */
function promiseScale(plan: ChangeSchedule | undefined): (task: TaskSchedule) => string | undefined {
  const start = plan?.baseline?.start.slice(0, 10) ?? plan?.startDate;
  const finish = plan?.baseline?.finish.slice(0, 10) ?? plan?.finishDate;
  if (!plan?.planned || !start || !finish) return () => undefined;
  const client = plan.promise.clientDate;
  const span = dayNumber(finish) - dayNumber(start);
  const promisedSpan = dayNumber(client) - dayNumber(start);
  return (task) => {
    const end = task.baseline?.finishDate ?? task.finishDate;
    if (!end) return undefined;
    if (span <= 0) return client;
    const date = addDays(start, Math.round(((dayNumber(end) - dayNumber(start)) * promisedSpan) / span));
    return date < client ? date : client;
  };
}
