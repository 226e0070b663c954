// The one scheduling engine: every date tam shows for a change (plan, status, report, gantt, json)
// comes from scheduleProject. Actuals first (done tasks sit at their recorded dates, in-progress
// tasks need their remaining work from now), then the open work is levelled across all open
// changes of the project on each department's working-time clock, with its capacity.
import { OPEN_CHANGE_STATUSES, type Baseline, type Change, type Department } from "../../model/files.js";
import type { Issue, Location } from "../../model/issues.js";
import { parseTimestamp } from "../dates.js";
import { topologicalOrder } from "../graph.js";
import { dateInZone } from "../zone.js";
import { formatZoned } from "../zoned-timestamp.js";
import { readActuals, type Actuals } from "./actuals.js";
import { departmentCalendar, type NamedCalendar } from "./calendars.js";
import { Heap } from "./heap.js";
import { compareIds, levels } from "./order.js";
import type { ChangeSchedule, ProjectSchedule, Promised, SchedulableTask, ScheduleInput, TaskSchedule } from "./schedule-types.js";
import { changeSignals } from "./signals.js";
import { makeWorkClock, type Interval, type WorkClock } from "./work-clock.js";
import { effectiveEstimate, formatWork, workDays, workOf } from "./work-text.js";

export type * from "./schedule-types.js";

/** An in-progress task needs at least this much more working time (or its whole estimate, when shorter). */
export const MIN_REMAINING_MS = 3_600_000;

/** Which open change gets a busy department first: the further along its approval, the sooner. */
const CHANGE_RANK: Record<string, number> = { "in-progress": 0, implement: 0, review: 0, approved: 1, scheduled: 1, authorize: 2, planned: 2, assess: 3, new: 3, draft: 4 };
const TYPE_RANK: Record<string, number> = { emergency: 0, normal: 1, standard: 2 };
/** Two instants this close are the same for slack and waiting (one minute). */
const EPSILON = 60_000;

export interface ChangeContext {
  change: Change;
  tasks: readonly SchedulableTask[];
  open: boolean;
  rank: number;
  windowStart: number;
  windowEnd: number;
  clockFor(department: string): WorkClock;
  planClock: WorkClock;
  planCalendar: string;
  nodes: Node[];
}

export interface Node {
  key: string;
  ctx: ChangeContext;
  task: SchedulableTask;
  order: number;
  department: Department | undefined;
  calendar: NamedCalendar;
  clock: WorkClock;
  estimate: string;
  work: number;
  remaining: number;
  actuals: Actuals;
  preds: Node[];
  succs: Node[];
  /** Earliest start and finish without capacity limits, and the latest start (for priority). */
  es: number;
  ef: number;
  ls: number;
  release: number;
  start: number | null;
  finish: number | null;
  waitedFor?: Node;
  slack: number;
}

function isOpen(change: Change): boolean {
  return (OPEN_CHANGE_STATUSES as string[]).includes(change.status) || ["new", "assess", "authorize", "scheduled", "implement", "review"].includes(change.status);
}

/** Blackouts that hold for a change: all of the project's, minus the ones it has an exception for (and, if allowed, for emergencies). */
export function changeBlackouts(input: Pick<ScheduleInput, "manifest" | "timezone">, change: Change): Interval[] {
  const excepted = new Set((change.blackout_exceptions ?? []).map((e) => e.blackout));
  const out: Interval[] = [];
  for (const blackout of input.manifest?.blackouts ?? []) {
    const from = parseTimestamp(blackout.from);
    const to = parseTimestamp(blackout.to);
    if (!Number.isFinite(from) || !Number.isFinite(to)) continue;
    if (blackout.id !== undefined && excepted.has(blackout.id)) continue;
    if (excepted.has(dateInZone(from, input.timezone))) continue;
    if (change.type === "emergency" && blackout.allow_emergency === true) continue;
    out.push([from, to]);
  }
  return out;
}

function contextFor(input: ScheduleInput, change: Change, tasks: readonly SchedulableTask[], departments: Map<string, Department>, open: boolean, shared: Map<string, WorkClock>): ChangeContext {
  const blackouts = changeBlackouts(input, change);
  const windowStart = change.window?.start ? parseTimestamp(change.window.start) : Number.NaN;
  const windowEnd = change.window?.end ? parseTimestamp(change.window.end) : Number.NaN;
  // An agreed window is working time for the change even outside the department's hours (a night window).
  const extra: Interval[] = Number.isFinite(windowStart) && Number.isFinite(windowEnd) && windowEnd > windowStart ? [[windowStart, windowEnd]] : [];
  // Changes with the same blackouts and no window of their own share clocks (and their day caches).
  const variant = `${blackouts.map(([a, b]) => `${a}-${b}`).join(",")}|${extra.map(([a, b]) => `${a}-${b}`).join(",")}`;
  const clockOf = (named: NamedCalendar) => {
    const key = `${named.name}|${variant}`;
    let clock = shared.get(key);
    if (!clock) shared.set(key, (clock = makeWorkClock({ name: named.name, calendar: named.calendar, zone: input.timezone, blackouts, extra })));
    return clock;
  };
  const counts = new Map<string, { named: NamedCalendar; n: number }>();
  for (const task of tasks) {
    const named = departmentCalendar(departments.get(task.department), input.manifest);
    const entry = counts.get(named.name) ?? { named, n: 0 };
    entry.n++;
    counts.set(named.name, entry);
  }
  const plan = [...counts.values()].sort((a, b) => b.n - a.n || a.named.name.localeCompare(b.named.name))[0]?.named ?? departmentCalendar(undefined, input.manifest);
  return {
    change,
    tasks,
    open,
    rank: (CHANGE_RANK[change.status] ?? 2) * 10 + (TYPE_RANK[change.type] ?? 1),
    windowStart: Number.isFinite(windowStart) ? windowStart : Number.NEGATIVE_INFINITY,
    windowEnd: Number.isFinite(windowEnd) ? windowEnd : Number.POSITIVE_INFINITY,
    clockFor: (department) => clockOf(departmentCalendar(departments.get(department), input.manifest)),
    planClock: clockOf(plan),
    planCalendar: plan.name,
    nodes: [],
  };
}

/** Finish of a predecessor as a constraint: a done task without a recorded date constrains nothing. */
function finishOf(node: Node): number {
  return node.finish ?? node.ef;
}

export function scheduleProject(input: ScheduleInput): ProjectSchedule {
  const departments = new Map(input.departments.map((d) => [d.id, d]));
  const now = input.now;
  const contexts: ChangeContext[] = [];
  const clocks = new Map<string, WorkClock>();
  for (const change of [...input.changes].sort((a, b) => a.id.localeCompare(b.id))) {
    const proposed = input.proposed?.changeId === change.id ? input.proposed.tasks : undefined;
    const tasks = proposed ?? change.tasks ?? [];
    contexts.push(contextFor(input, change, tasks, departments, proposed !== undefined || isOpen(change), clocks));
  }

  // Nodes, edges and actuals of every change.
  for (const ctx of contexts) {
    const byId = new Map<string, Node>();
    ctx.tasks.forEach((task, order) => {
      if (task.status === "cancelled" || byId.has(task.id)) return;
      const department = departments.get(task.department);
      const calendar = departmentCalendar(department, input.manifest);
      const clock = ctx.clockFor(task.department);
      const estimate = effectiveEstimate(task.estimate, department);
      const work = workOf(estimate, clock);
      const actuals = readActuals(task.status, task.history, clock, now, ctx.open && task.status !== "done");
      const remaining = task.status === "done" ? 0 : task.status === "todo" && !actuals.startedAt ? work : Math.max(work - actuals.workedMs, Math.min(work, MIN_REMAINING_MS));
      const node: Node = { key: `${ctx.change.id}/${task.id}`, ctx, task, order, department, calendar, clock, estimate, work, remaining, actuals, preds: [], succs: [], es: 0, ef: 0, ls: 0, release: now, start: null, finish: null, slack: 0 };
      byId.set(task.id, node);
      ctx.nodes.push(node);
    });
    const after = (id: string) => (byId.get(id)?.task.after ?? []).filter((a) => byId.has(a));
    const topo = topologicalOrder([...byId.keys()], after);
    const position = new Map(topo.map((id, i) => [id, i]));
    // Only edges forward in the order count: a back edge closes a cycle (reported by the planner).
    for (const id of topo) {
      const node = byId.get(id)!;
      for (const dep of after(id)) {
        if (position.get(dep)! >= position.get(id)!) continue;
        const pred = byId.get(dep)!;
        if (!node.preds.includes(pred)) {
          node.preds.push(pred);
          pred.succs.push(node);
        }
      }
    }
    ctx.nodes = topo.map((id) => byId.get(id)!);
    unlevelled(ctx, now);
  }

  level(contexts.filter((c) => c.open), now);

  const changes = contexts.map((ctx) => summarise(ctx, input));
  const findings = changes.flatMap((c) => c.findings);
  return { now, timezone: input.timezone, changes, byId: new Map(changes.map((c) => [c.id, c])), findings };
}

/** Forward and backward pass of one change without capacity limits: the earliest dates, and each task's latest start for priority. */
function unlevelled(ctx: ChangeContext, now: number): void {
  for (const node of ctx.nodes) {
    const { task, actuals, clock } = node;
    if (task.status === "done") {
      const finish = actuals.doneAt ?? null;
      const start = finish === null ? null : (actuals.startedAt ?? clock.subtract(finish, node.work));
      node.start = start;
      node.finish = finish;
      node.es = start ?? Number.NEGATIVE_INFINITY;
      node.ef = finish ?? Number.NEGATIVE_INFINITY;
      continue;
    }
    if (!ctx.open) {
      node.es = node.ef = Number.NEGATIVE_INFINITY;
      continue;
    }
    if (task.status === "in-progress") {
      const start = actuals.startedAt ?? now;
      node.es = start;
      node.ef = clock.add(clock.next(now), node.remaining);
      node.start = start;
      node.finish = node.ef;
      continue;
    }
    let release = Math.max(now, ctx.windowStart);
    for (const pred of node.preds) release = Math.max(release, finishOf(pred));
    node.release = release;
    node.es = clock.next(release);
    node.ef = clock.add(node.es, node.remaining);
  }
  const finish = ctx.nodes.reduce((max, n) => Math.max(max, n.ef), Number.NEGATIVE_INFINITY);
  for (let i = ctx.nodes.length - 1; i >= 0; i--) {
    const node = ctx.nodes[i]!;
    let lf = finish;
    for (const succ of node.succs) lf = Math.min(lf, succ.ls);
    node.ls = node.clock.subtract(lf, node.remaining);
  }
}

interface Event {
  at: number;
  /** 0: a task finishes (frees its department), 1: a task becomes ready. */
  kind: 0 | 1;
  node: Node;
  seq: number;
}

function urgency(a: Node, b: Node): number {
  const dueA = a.ctx.change.due ?? "9999-12-31";
  const dueB = b.ctx.change.due ?? "9999-12-31";
  return a.ctx.rank - b.ctx.rank || (dueA < dueB ? -1 : dueA > dueB ? 1 : 0) || a.ls - b.ls || a.ctx.change.id.localeCompare(b.ctx.change.id) || a.order - b.order;
}

/**
 * Parallel schedule generation: time moves from event to event; when a department has a free
 * slot, the most urgent ready task takes it (change priority, then due date, then least slack).
 * Done tasks keep their dates; in-progress ones hold a slot until their forecast finish.
 */
function level(contexts: readonly ChangeContext[], now: number): void {
  let seq = 0;
  const events = new Heap<Event>((a, b) => a.at < b.at || (a.at === b.at && (a.kind < b.kind || (a.kind === b.kind && a.seq < b.seq))));
  const running = new Map<string, number>();
  const ready = new Map<string, Heap<Node>>();
  const lastFreed = new Map<string, Node>();
  const pending = new Map<Node, number>();
  const capacity = (node: Node) => (typeof node.department?.capacity === "number" && node.department.capacity >= 1 ? node.department.capacity : Number.POSITIVE_INFINITY);

  const readyAt = (node: Node) => {
    let release = Math.max(now, node.ctx.windowStart);
    for (const pred of node.preds) release = Math.max(release, finishOf(pred));
    node.release = release;
    events.push({ at: release, kind: 1, node, seq: seq++ });
  };
  for (const ctx of contexts) {
    for (const node of ctx.nodes) {
      const status = node.task.status;
      if (status === "done") continue;
      if (status === "in-progress") {
        running.set(node.task.department, (running.get(node.task.department) ?? 0) + 1);
        events.push({ at: node.finish!, kind: 0, node, seq: seq++ });
        continue;
      }
      const open = node.preds.filter((p) => p.task.status !== "done").length;
      pending.set(node, open);
      if (open === 0) readyAt(node);
    }
  }

  const start = (node: Node, at: number) => {
    const begin = node.clock.next(Math.max(at, node.release));
    node.start = begin;
    node.finish = node.clock.add(begin, node.remaining);
    if (begin > node.clock.next(node.release) + EPSILON) node.waitedFor = lastFreed.get(node.task.department);
    running.set(node.task.department, (running.get(node.task.department) ?? 0) + 1);
    events.push({ at: node.finish, kind: 0, node, seq: seq++ });
  };

  while (events.size) {
    const at = events.peek()!.at;
    const touched = new Set<string>();
    while (events.size && events.peek()!.at === at) {
      const event = events.pop()!;
      const node = event.node;
      const department = node.task.department;
      if (event.kind === 0) {
        running.set(department, (running.get(department) ?? 1) - 1);
        lastFreed.set(department, node);
        touched.add(department);
        for (const succ of node.succs) {
          const left = pending.get(succ);
          if (left === undefined) continue;
          pending.set(succ, left - 1);
          if (left - 1 === 0) readyAt(succ);
        }
      } else {
        if (capacity(node) === Number.POSITIVE_INFINITY) {
          start(node, at);
          continue;
        }
        let queue = ready.get(department);
        if (!queue) ready.set(department, (queue = new Heap<Node>((a, b) => urgency(a, b) < 0)));
        queue.push(node);
        touched.add(department);
      }
    }
    for (const department of [...touched].sort()) {
      const queue = ready.get(department);
      while (queue?.size && (running.get(department) ?? 0) < capacity(queue.peek()!)) start(queue.pop()!, at);
    }
  }
}

function summarise(ctx: ChangeContext, input: ScheduleInput): ChangeSchedule {
  const { change, planClock } = ctx;
  const zone = input.timezone;
  const now = input.now;
  const dated = ctx.nodes.filter((n) => n.start !== null && n.finish !== null);
  const start = dated.length ? dated.reduce((min, n) => Math.min(min, n.start!), Number.POSITIVE_INFINITY) : null;
  const finish = dated.length ? dated.reduce((max, n) => Math.max(max, n.finish!), Number.NEGATIVE_INFINITY) : null;
  const earliest = ctx.open && ctx.nodes.length ? ctx.nodes.reduce((max, n) => Math.max(max, n.task.status === "done" ? (n.finish ?? Number.NEGATIVE_INFINITY) : n.ef), Number.NEGATIVE_INFINITY) : finish;

  // Slack on the levelled schedule: latest finish against successors and the task that waited for this one.
  const waiters = new Map<Node, Node[]>();
  for (const node of ctx.nodes) if (node.waitedFor && node.waitedFor.ctx === ctx) waiters.set(node.waitedFor, [...(waiters.get(node.waitedFor) ?? []), node]);
  const latestStart = new Map<Node, number>();
  const position = new Map(ctx.nodes.map((n, i) => [n, i]));
  const backwards = [...dated].sort((a, b) => b.start! - a.start! || b.finish! - a.finish! || position.get(b)! - position.get(a)!);
  for (const node of backwards) {
    let lf = finish!;
    for (const next of [...node.succs, ...(waiters.get(node) ?? [])]) {
      const ls = latestStart.get(next);
      if (ls !== undefined) lf = Math.min(lf, ls);
    }
    latestStart.set(node, node.task.status === "done" ? node.start! : node.clock.subtract(lf, node.remaining));
    node.slack = node.task.status === "done" ? 0 : Math.max(0, node.clock.between(node.finish!, lf));
  }

  const baselineTasks = change.baseline?.tasks ?? {};
  const byTaskId = new Map(ctx.nodes.map((n) => [n.task.id, n]));
  const wave = levels(ctx.nodes.map((n) => n.task.id), (id) => byTaskId.get(id)?.preds.map((p) => p.task.id) ?? []);
  const tasks: TaskSchedule[] = ctx.nodes.map((node) => {
    const { task, clock } = node;
    const written = baselineTasks[task.id];
    const bStart = written ? parseTimestamp(written.start) : Number.NaN;
    const bFinish = written ? parseTimestamp(written.finish) : Number.NaN;
    const baseline = Number.isFinite(bStart) && Number.isFinite(bFinish) ? { start: bStart, finish: bFinish, startDate: clock.dateOf(bStart), finishDate: finishDate(clock, bStart, bFinish) } : undefined;
    const critical = ctx.open && task.status !== "done" && node.start !== null && node.slack < EPSILON;
    const out: TaskSchedule = {
      change: change.id,
      id: task.id,
      title: task.title,
      department: task.department,
      kind: task.kind ?? "manual",
      status: task.status,
      ...(task.assignee ? { assignee: task.assignee } : {}),
      after: node.preds.map((p) => p.task.id),
      estimate: node.estimate,
      workMs: node.work,
      remainingMs: node.remaining,
      start: node.start,
      finish: node.finish,
      startDate: node.start === null ? null : clock.dateOf(node.start),
      finishDate: node.start === null || node.finish === null ? null : finishDate(clock, node.start, node.finish),
      calendar: node.calendar.name,
      zone: clock.zone,
      wave: wave.get(task.id) ?? 1,
      slackMs: node.slack,
      critical,
      ...(node.waitedFor ? { waitedFor: node.waitedFor.key } : {}),
      ...(baseline ? { baseline } : {}),
      ...(baseline && node.finish !== null ? { slipMs: clock.between(baseline.finish, node.finish) } : {}),
      dayMs: clock.dayMs,
    };
    const late = lateness(node, baseline, now);
    if (late && ctx.open) out.late = late;
    if (node.actuals.blockedSince) out.blocked = { since: node.actuals.blockedSince.text, ...(node.actuals.blockedSince.note ? { note: node.actuals.blockedSince.note } : {}) };
    return out;
  });
  tasks.sort((a, b) => a.wave - b.wave || compareIds(a.id, b.id));
  const waves: string[][] = [];
  for (const task of tasks) (waves[task.wave - 1] ??= []).push(task.id);
  const criticalPath = tasks.filter((t) => t.critical).sort((a, b) => a.start! - b.start! || compareIds(a.id, b.id)).map((t) => t.id);

  const factors = { internal: input.manifest?.estimates?.internal_factor ?? 2, client: input.manifest?.estimates?.client_factor ?? 3 };
  // A closed change promises nothing any more: its dates are history.
  const forecastPromise = promise(planClock, zone, ctx.open ? start : null, finish, now, factors);
  const base = change.baseline;
  const baseFinish = base ? parseTimestamp(base.finish) : Number.NaN;
  const hasBaseline = base !== undefined && Number.isFinite(baseFinish);
  const promised = hasBaseline ? { ...forecastPromise, internalDate: base!.internal, clientDate: base!.client, fromBaseline: true } : { ...forecastPromise, fromBaseline: false };
  const schedule: ChangeSchedule = {
    id: change.id,
    title: change.title,
    status: change.status,
    type: change.type,
    ...(change.due ? { due: change.due } : {}),
    open: ctx.open,
    planned: ctx.tasks.length > 0,
    start,
    finish,
    startDate: start === null ? null : dateInZone(start, zone),
    finishDate: start === null || finish === null ? null : finishDate({ dateOf: (t) => dateInZone(t, zone), finishDateOf: (t) => dateInZone(t - 1, zone) }, start, finish),
    earliestFinish: earliest === null || !Number.isFinite(earliest) ? null : earliest,
    earliestFinishDate: earliest === null || !Number.isFinite(earliest) ? null : dateInZone(earliest - 1, zone),
    workingDays: start === null || finish === null ? 0 : workDays(planClock.between(start, finish), planClock.dayMs),
    calendar: ctx.planCalendar,
    tasks,
    criticalPath,
    waves: waves.filter(Boolean),
    forecastPromise,
    promise: promised,
    ...(hasBaseline ? { baseline: { recordedAt: base!.recorded_at, start: base!.start, finish: base!.finish, internal: base!.internal, client: base!.client } } : {}),
    ...(hasBaseline && finish !== null ? { slipDays: workDays(planClock.between(baseFinish, finish), planClock.dayMs) } : {}),
    findings: [],
  };
  const located = new Map<string, Location>();
  const where = (field?: string, index?: number): Location => {
    const key = field && field in change ? field : "id";
    const cacheKey = index === undefined ? key : `${key}.${index}`;
    let at = located.get(cacheKey);
    if (!at) located.set(cacheKey, (at = input.where ? (index === undefined ? input.where(change, key) : input.where(change, key, index)) : { file: `changes/${change.id}.yaml` }));
    return at;
  };
  if (ctx.open && (!input.findingsFor || input.findingsFor.has(change.id))) schedule.findings = changeSignals(schedule, ctx, now, where);
  return schedule;
}

/** The finish date of a task; never before its start date (a zero-length task at midnight). */
function finishDate(clock: Pick<WorkClock, "dateOf" | "finishDateOf">, start: number, finish: number): string {
  const first = clock.dateOf(start);
  const last = finish > start ? clock.finishDateOf(finish) : first;
  return last < first ? first : last;
}

function lateness(node: Node, baseline: { start: number; finish: number } | undefined, now: number): TaskSchedule["late"] {
  const { task, actuals, clock } = node;
  if (task.status === "done") return undefined;
  const candidates: NonNullable<TaskSchedule["late"]>[] = [];
  if (actuals.startedAt !== undefined && actuals.workedMs > node.work + EPSILON) candidates.push({ byMs: actuals.workedMs - node.work, why: "over-estimate" });
  if (baseline && baseline.finish < now) candidates.push({ byMs: clock.between(baseline.finish, now), why: "past-baseline" });
  if (baseline && task.status !== "in-progress" && actuals.startedAt === undefined && baseline.start < now) candidates.push({ byMs: clock.between(baseline.start, now), why: "not-started" });
  const worst = candidates.filter((c) => c.byMs > EPSILON).sort((a, b) => b.byMs - a.byMs)[0];
  return worst;
}

/** "Double it for yourself, triple it for the client", applied to the work still ahead (from its start, or from now once started). */
function promise(clock: WorkClock, zone: string, start: number | null, finish: number | null, now: number, factors: { internal: number; client: number }): Promised {
  if (start === null || finish === null) {
    const today = dateInZone(now, zone);
    return { internalFactor: factors.internal, clientFactor: factors.client, internalDays: 0, clientDays: 0, internalWork: "0h", clientWork: "0h", internalDate: today, clientDate: today };
  }
  const basis = clock.next(Math.max(start, now));
  const span = Math.max(0, clock.between(basis, finish));
  const days = (factor: number) => Math.ceil(Math.round((span / clock.dayMs) * factor * 1000) / 1000);
  const date = (factor: number) => {
    if (span === 0) return dateInZone(Math.max(finish, basis) - 1, zone);
    return dateInZone(clock.add(basis, span * factor) - 1, zone);
  };
  return {
    internalFactor: factors.internal,
    clientFactor: factors.client,
    internalDays: days(factors.internal),
    clientDays: days(factors.client),
    internalWork: formatWork(span * factors.internal, clock.dayMs),
    clientWork: formatWork(span * factors.client, clock.dayMs),
    internalDate: date(factors.internal),
    clientDate: date(factors.client),
  };
}

/** The baseline a first `--write` stores: today's forecast dates and the dates promised from them. */
export function baselineOf(schedule: ChangeSchedule, now: number, timezone: string): Baseline | undefined {
  if (schedule.start === null || schedule.finish === null) return undefined;
  const tasks: NonNullable<Baseline["tasks"]> = {};
  for (const task of schedule.tasks) if (task.start !== null && task.finish !== null) tasks[task.id] = { start: formatZoned(task.start, task.zone), finish: formatZoned(task.finish, task.zone) };
  return {
    recorded_at: formatZoned(now, timezone),
    start: formatZoned(schedule.start, timezone),
    finish: formatZoned(schedule.finish, timezone),
    internal: schedule.forecastPromise.internalDate,
    client: schedule.forecastPromise.clientDate,
    tasks,
  };
}
