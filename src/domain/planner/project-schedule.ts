// The one scheduling engine: every date tam shows for a change (plan, status, report, gantt, json)
// comes from scheduleProject. Actuals first (done tasks sit at their recorded dates, in-progress
// tasks need their remaining work from now), then the open work is levelled across all open
// changes of the project on each department's working-time clock, with its capacity.
import type { Location } from "../../model/issues.js";
import { parseTimestamp } from "../dates.js";
import { topologicalOrder } from "../graph.js";
import { dateInZone, zonedToEpoch } from "../zone.js";
import { readActuals } from "./actuals.js";
import { departmentCalendar } from "./calendars.js";
import { level } from "./levelling.js";
import { compareIds, levels } from "./order.js";
import { promise } from "./promises.js";
import { contextFor, EPSILON, finishOf, isOpenChange, isWindowWork, MIN_REMAINING_MS, type ChangeContext, type Node } from "./schedule-context.js";
import type { ChangeSchedule, ProjectSchedule, ScheduleInput, TaskSchedule } from "./schedule-types.js";
import { changeSignals } from "./signals.js";
import type { WorkClock } from "../work-clock.js";
import { effectiveEstimate, formatWork, workDays, workOf } from "./work-text.js";
import { compareText } from "../../model/text-order.js";

export type * from "./schedule-types.js";
export { baselineOf } from "./promises.js";
export { isOpenChange } from "./schedule-context.js";

export function scheduleProject(input: ScheduleInput): ProjectSchedule {
  const departments = new Map(input.departments.map((d) => [d.id, d]));
  const now = input.now;
  const contexts: ChangeContext[] = [];
  const clocks = new Map<string, WorkClock>();
  for (const change of [...input.changes].sort((a, b) => compareText(a.id, b.id))) {
    const proposed = input.proposed?.changeId === change.id ? input.proposed.tasks : undefined;
    const tasks = proposed ?? change.tasks ?? [];
    const open = proposed !== undefined || isOpenChange(change);
    if (open || !input.openOnly) contexts.push(contextFor(input, change, tasks, departments, open, clocks));
  }

  // Nodes, edges and actuals of every change.
  for (const ctx of contexts) {
    const byId = new Map<string, Node>();
    ctx.tasks.forEach((task, order) => {
      if (task.status === "cancelled" || byId.has(task.id)) return;
      const department = departments.get(task.department);
      const calendar = departmentCalendar(department, input.manifest);
      const windowWork = isWindowWork(task.kind);
      const clock = ctx.clockFor(task.department, windowWork);
      const estimate = effectiveEstimate(task.estimate, department);
      const work = workOf(estimate, clock);
      const actuals = readActuals(task.status, task.history, clock, now, ctx.open && task.status !== "done");
      const remaining = task.status === "done" ? 0 : task.status === "todo" && !actuals.startedAt ? work : Math.max(work - actuals.workedMs, Math.min(work, MIN_REMAINING_MS));
      const node: Node = {
        key: `${ctx.change.id}/${task.id}`,
        ctx,
        task,
        order,
        department,
        calendar,
        clock,
        windowWork,
        estimate,
        work,
        remaining,
        actuals,
        preds: [],
        succs: [],
        es: 0,
        ef: 0,
        ls: 0,
        release: now,
        start: null,
        finish: null,
        slack: 0,
        // A block expected to clear on a day holds the task until that day (the forecast does not assume it clears now).
        ...(task.status === "blocked" && actuals.blockedSince?.until ? { notBefore: zonedToEpoch(actuals.blockedSince.until, 0, input.timezone) } : {}),
      };
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

  level(
    contexts.filter((c) => c.open),
    now,
  );
  // Work no clock can place within ten years (no working hours, a blackout without end, an absurd
  // estimate) has no dates: it is reported, not drawn at the end of time.
  for (const ctx of contexts) {
    for (const node of ctx.nodes) {
      if (node.start === null || (Number.isFinite(node.start) && node.finish !== null && Number.isFinite(node.finish))) continue;
      node.start = null;
      node.finish = null;
      node.unschedulable = true;
    }
  }

  const changes = (input.only === undefined ? contexts : contexts.filter((ctx) => ctx.change.id === input.only)).map((ctx) => summarise(ctx, input));
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
    let release = node.windowWork ? Math.max(now, ctx.windowStart) : now;
    if (node.notBefore !== undefined) release = Math.max(release, node.notBefore);
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

function summarise(ctx: ChangeContext, input: ScheduleInput): ChangeSchedule {
  const { change, planClock } = ctx;
  const zone = input.timezone;
  const now = input.now;
  const dated = ctx.nodes.filter((n) => n.start !== null && n.finish !== null);
  const start = dated.length ? dated.reduce((min, n) => Math.min(min, n.start!), Number.POSITIVE_INFINITY) : null;
  const finish = dated.length ? dated.reduce((max, n) => Math.max(max, n.finish!), Number.NEGATIVE_INFINITY) : null;
  const earliest =
    ctx.open && ctx.nodes.length ? ctx.nodes.reduce((max, n) => Math.max(max, n.task.status === "done" ? (n.finish ?? Number.NEGATIVE_INFINITY) : n.ef), Number.NEGATIVE_INFINITY) : finish;

  // Slack on the levelled schedule: latest finish against successors and the task that waited for this one.
  const waiters = new Map<Node, Node[]>();
  for (const node of ctx.nodes) {
    if (!node.waitedFor || node.waitedFor.ctx !== ctx) continue;
    const list = waiters.get(node.waitedFor);
    if (list) list.push(node);
    else waiters.set(node.waitedFor, [node]);
  }
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
  const wave = levels(
    ctx.nodes.map((n) => n.task.id),
    (id) => byTaskId.get(id)?.preds.map((p) => p.task.id) ?? [],
  );
  const tasks: TaskSchedule[] = ctx.nodes.map((node) => {
    const { task, clock } = node;
    const written = baselineTasks[task.id];
    const bStart = written ? parseTimestamp(written.start) : Number.NaN;
    const bFinish = written ? parseTimestamp(written.finish) : Number.NaN;
    const baseline =
      Number.isFinite(bStart) && Number.isFinite(bFinish) ? { start: bStart, finish: bFinish, startDate: clock.dateOf(bStart), finishDate: finishDate(clock, bStart, bFinish) } : undefined;
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
      ...(node.unschedulable ? { unschedulable: true } : {}),
      ...(baseline ? { baseline } : {}),
      ...(baseline && node.finish !== null ? { slipMs: clock.between(baseline.finish, node.finish) } : {}),
      dayMs: clock.dayMs,
    };
    const late = lateness(node, baseline, now);
    if (late && ctx.open) out.late = late;
    const blocked = node.actuals.blockedSince;
    if (blocked) out.blocked = { since: blocked.text, ...(blocked.note ? { note: blocked.note } : {}), ...(blocked.until ? { until: blocked.until } : {}) };
    return out;
  });
  // A block with no expected date (or one whose expected day has passed) leaves the date open for the
  // blocked task and everything after it: the forecast does not assume the block clears at once.
  const today = dateInZone(now, zone);
  const opening = ctx.open ? tasks.filter((t) => t.status === "blocked" && t.blocked && !(t.blocked.until && t.blocked.until >= today)) : [];
  if (opening.length) {
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const stack = opening.map((t) => t.id);
    const seen = new Set<string>();
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const t of tasks) if (t.after.includes(id)) stack.push(t.id);
    }
    for (const id of seen) {
      const t = byId.get(id)!;
      if (t.status !== "done") t.dateOpen = true;
    }
  }
  tasks.sort((a, b) => a.wave - b.wave || compareIds(a.id, b.id));
  const waves: string[][] = [];
  for (const task of tasks) {
    const wave = waves[task.wave - 1] ?? [];
    wave.push(task.id);
    waves[task.wave - 1] = wave;
  }
  const criticalPath = tasks
    .filter((t) => t.critical)
    .sort((a, b) => a.start! - b.start! || compareIds(a.id, b.id))
    .map((t) => t.id);

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
    ...(hasBaseline && finish !== null ? { slipDays: workDays(planClock.between(baseFinish, finish), planClock.dayMs), slip: formatWork(planClock.between(baseFinish, finish), planClock.dayMs) } : {}),
    ...(opening.length
      ? { dateOpen: opening.map((t) => ({ task: t.id, since: t.blocked!.since, ...(t.blocked!.note ? { note: t.blocked!.note } : {}), ...(t.blocked!.until ? { until: t.blocked!.until } : {}) })) }
      : {}),
    findings: [],
  };
  const located = new Map<string, Location>();
  const where = (field?: string, index?: number): Location => {
    const key = field && field in change ? field : "id";
    const cacheKey = index === undefined ? key : `${key}.${index}`;
    let at = located.get(cacheKey);
    if (!at) {
      at = input.where ? (index === undefined ? input.where(change, key) : input.where(change, key, index)) : { file: `changes/${change.id}.yaml` };
      located.set(cacheKey, at);
    }
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
