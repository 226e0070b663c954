// Escalation as a rule, not a favour: each department declares in departments.yaml whom to call when
// its work is blocked (or its incidents age) and after how long, in its own working time (the
// department's calendar on the one work clock). tam status names the level due for each blocked task and
// aging incident and since when; tam task escalate / tam incident escalate record it, and the next level
// falls due at its own threshold.
import type { Change, Department, Escalation, EscalationLevel, Incident, Manifest, Person, Priority, Task } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import { isOpenIncident } from "../incidents/notify.js";
import { departmentCalendar } from "../planner/calendars.js";
import { formatWork } from "../planner/work-text.js";
import { durationMs, makeWorkClock, type WorkClock } from "../work-clock.js";
import { formatZonedShort } from "../zoned-timestamp.js";
import { compareText } from "../../model/text-order.js";

/** The `to` of a level that means the department's own lead. */
const OWN_LEAD = "lead";

export interface EscalationContext {
  departments: readonly Department[];
  manifest: Manifest | undefined;
  timezone: string;
}

/** Whom a level's `to` names: the person, and how they were found ("lead of backup"). */
export interface EscalationTarget extends Person {
  /** How the person was found: "lead of backup", "TAM", a department contact. */
  via: string;
}

const isPerson = (p: unknown): p is Person => p !== null && typeof p === "object" && typeof (p as Person).name === "string";

/** Everyone a level may name by name: departments' leads and contacts, the TAM, the service manager. */
function knownPeople(context: Pick<EscalationContext, "departments" | "manifest">): EscalationTarget[] {
  const people: EscalationTarget[] = [];
  for (const d of context.departments) {
    if (d === null || typeof d !== "object") continue;
    if (isPerson(d.lead)) people.push({ ...d.lead, via: `lead of ${d.id}` });
    for (const c of Array.isArray(d.contacts) ? d.contacts : []) if (isPerson(c)) people.push({ ...c, via: `contact of ${d.id}` });
  }
  if (isPerson(context.manifest?.tam)) people.push({ ...context.manifest!.tam, via: "TAM" });
  if (isPerson(context.manifest?.service_manager)) people.push({ ...context.manifest!.service_manager, via: "service manager" });
  return people;
}

/** The person a level names, or why it names no one. */
export function escalationTarget(to: string, department: Department, context: Pick<EscalationContext, "departments" | "manifest">): EscalationTarget | string {
  if (to === OWN_LEAD) return isPerson(department.lead) ? { ...department.lead, via: `lead of ${department.id}` } : `department ${department.id} has no lead to escalate to`;
  const other = context.departments.find((d) => d?.id === to);
  if (other) return isPerson(other.lead) ? { ...other.lead, via: `lead of ${other.id}` } : `department ${other.id} has no lead to escalate to`;
  const person = knownPeople(context).find((p) => p.name === to);
  return person ?? `unknown person or department "${to}"`;
}

/** The names a level's `to` may take (for "did you mean"). */
export function escalationNames(context: Pick<EscalationContext, "departments" | "manifest">): string[] {
  return [OWN_LEAD, ...context.departments.filter((d) => d && typeof d.id === "string").map((d) => d.id), ...knownPeople(context).map((p) => p.name)];
}

// One clock per calendar, manifest and zone: every blocked task and incident of a department shares its day cache.
const clocks = new WeakMap<object, Map<string, WorkClock>>();
const NO_MANIFEST = {};

function departmentClock(department: Department | undefined, context: Pick<EscalationContext, "manifest" | "timezone">): WorkClock {
  const named = departmentCalendar(department, context.manifest);
  const key = `${named.name}|${context.timezone}`;
  const byManifest = clocks.get(context.manifest ?? NO_MANIFEST) ?? new Map<string, WorkClock>();
  clocks.set(context.manifest ?? NO_MANIFEST, byManifest);
  let clock = byManifest.get(key);
  if (!clock) {
    clock = makeWorkClock({ name: named.name, calendar: named.calendar, zone: context.timezone });
    byManifest.set(key, clock);
  }
  return clock;
}

export type EscalationKind = "blocked-task" | "aging-incident";

export interface EscalationLevelRef {
  level: number;
  /** The person's name. */
  to: string;
  /** How the person was found ("lead of backup"). */
  via: string;
  email?: string;
  phone?: string;
  /** When the level falls (or fell) due, in the project's zone ("2026-11-20 09:00"). */
  due: string;
}

export interface EscalationStatus {
  /** "CHG-0003/T2" or "INC-0056". */
  subject: string;
  kind: EscalationKind;
  title: string;
  department: string;
  /** Blocked since / opened at ("2026-11-18 22:00"). */
  since: string;
  /** How long, in the department's working time ("2d 3h"). */
  age: string;
  /** What a blocked task waits for (the note of its block). */
  note?: string;
  priority?: Priority;
  /** The highest level due and not yet escalated to, and by how much it is past due (working time). */
  due?: EscalationLevelRef & { overdueBy: string };
  /** The last escalation recorded since it was blocked (opened). */
  escalated?: { level: number; to: string; at: string };
  /** The level after the one due or escalated to, when the chain has one. */
  next?: EscalationLevelRef;
}

interface Chain {
  department: Department;
  levels: readonly EscalationLevel[];
}

/** Where a subject stands on its chain at `now`: due level, last escalation, next level. */
function chainState(
  chain: Chain,
  since: number,
  now: number,
  recorded: readonly Escalation[] | undefined,
  context: EscalationContext,
): { due?: EscalationLevelRef & { overdueBy: string; dueAt: number }; escalated?: { level: number; to: string; at: string }; next?: EscalationLevelRef & { dueAt: number }; age: string } {
  const clock = departmentClock(chain.department, context);
  const levels = chain.levels
    .map((level, i) => {
      const ms = typeof level?.after === "string" ? durationMs(level.after, clock) : null;
      const target = typeof level?.to === "string" ? escalationTarget(level.to, chain.department, context) : "no `to`";
      if (ms === null || typeof target === "string") return undefined;
      const dueAt = clock.add(since, ms);
      return { level: i + 1, dueAt, ref: levelRef(i + 1, target, dueAt, context.timezone) };
    })
    .filter((l): l is NonNullable<typeof l> => l !== undefined && Number.isFinite(l.dueAt));
  const mine = (Array.isArray(recorded) ? recorded : []).filter((e) => e && typeof e.at === "string" && parseTimestamp(e.at) >= since && parseTimestamp(e.at) <= now);
  const last = mine.reduce<Escalation | undefined>((a, b) => (!a || (Number(b.level) || 0) >= (Number(a.level) || 0) ? b : a), undefined);
  const done = last ? Number(last.level) || 0 : 0;
  const dueLevel = levels.filter((l) => l.dueAt <= now && l.level > done).at(-1);
  const reached = Math.max(done, dueLevel?.level ?? 0);
  const next = levels.find((l) => l.level > reached);
  return {
    age: formatWork(Math.max(0, clock.between(since, now)), clock.dayMs),
    ...(dueLevel ? { due: { ...dueLevel.ref, dueAt: dueLevel.dueAt, overdueBy: formatWork(Math.max(0, clock.between(dueLevel.dueAt, now)), clock.dayMs) } } : {}),
    ...(last ? { escalated: { level: done, to: String(last.to), at: formatZonedShort(parseTimestamp(last.at), context.timezone) } } : {}),
    ...(next ? { next: { ...next.ref, dueAt: next.dueAt } } : {}),
  };
}

function levelRef(level: number, target: EscalationTarget, dueAt: number, timezone: string): EscalationLevelRef {
  return { level, to: target.name, via: target.via, ...(target.email ? { email: target.email } : {}), ...(target.phone ? { phone: target.phone } : {}), due: formatZonedShort(dueAt, timezone) };
}

/** When the task was blocked: the first entry of the run of "blocked" entries that ends its history. */
function blockedSince(task: Task): { at: number; note?: string } | undefined {
  if (task.status !== "blocked" || !Array.isArray(task.history)) return undefined;
  let first: { at: string; note?: string } | undefined;
  for (let i = task.history.length - 1; i >= 0; i--) {
    const event = task.history[i];
    if (event?.status !== "blocked") break;
    first = event;
  }
  const at = first ? parseTimestamp(first.at) : Number.NaN;
  if (!first || !Number.isFinite(at)) return undefined;
  const note = task.history[task.history.length - 1]?.note ?? first.note;
  return { at, ...(note ? { note } : {}) };
}

const chainOf = (department: Department | undefined, levels: unknown): Chain | undefined =>
  department && Array.isArray(levels) && levels.length ? { department, levels: levels as EscalationLevel[] } : undefined;

function blockedChain(department: Department | undefined): Chain | undefined {
  return chainOf(department, department?.escalation?.blocked);
}

function incidentChain(department: Department | undefined, priority: Priority): Chain | undefined {
  const incidents = department?.escalation?.incidents;
  return chainOf(department, incidents && typeof incidents === "object" && Object.hasOwn(incidents, priority) ? incidents[priority] : undefined);
}

/** A blocked task's place on its department's chain, or undefined (not blocked, no chain, no time it was blocked). */
export function taskEscalation(change: Change, task: Task, now: number, context: EscalationContext): EscalationStatus | undefined {
  const department = context.departments.find((d) => d?.id === task.department);
  const chain = blockedChain(department);
  const blocked = blockedSince(task);
  if (!chain || !blocked || blocked.at > now) return undefined;
  const state = chainState(chain, blocked.at, now, task.escalations, context);
  return {
    subject: `${change.id}/${task.id}`,
    kind: "blocked-task",
    title: task.title,
    department: task.department,
    since: formatZonedShort(blocked.at, context.timezone),
    age: state.age,
    ...(blocked.note ? { note: blocked.note } : {}),
    ...strip(state),
  };
}

/** An open incident's place on its department's chain for its priority, or undefined. */
export function incidentEscalation(incident: Incident, now: number, context: EscalationContext): EscalationStatus | undefined {
  if (incident === null || typeof incident !== "object" || !isOpenIncident(incident) || typeof incident.department !== "string") return undefined;
  const department = context.departments.find((d) => d?.id === incident.department);
  const chain = incidentChain(department, incident.priority);
  const opened = typeof incident.opened === "string" ? parseTimestamp(incident.opened) : Number.NaN;
  if (!chain || !Number.isFinite(opened) || opened > now) return undefined;
  const state = chainState(chain, opened, now, incident.escalations, context);
  return {
    subject: incident.id,
    kind: "aging-incident",
    title: incident.title,
    department: incident.department,
    priority: incident.priority,
    since: formatZonedShort(opened, context.timezone),
    age: state.age,
    ...strip(state),
  };
}

function strip(state: ReturnType<typeof chainState>): Pick<EscalationStatus, "due" | "escalated" | "next"> {
  const { due, escalated, next } = state;
  return {
    ...(due ? { due: without(due) } : {}),
    ...(escalated ? { escalated } : {}),
    ...(next ? { next: without(next) } : {}),
  };
}

function without<T extends { dueAt: number }>(value: T): Omit<T, "dueAt"> {
  const { dueAt: _dueAt, ...rest } = value;
  return rest;
}

/**
 * Status: every blocked task of a department with a chain (whom to call, and when), and every open
 * incident aged past its first level or already escalated; levels due first, most overdue first.
 */
export function escalations(
  input: EscalationContext & { changes: readonly Change[]; incidents: readonly Incident[] | undefined; now: number; department?: string; assignee?: string },
): EscalationStatus[] {
  const out: EscalationStatus[] = [];
  for (const change of input.changes)
    for (const task of Array.isArray(change.tasks) ? change.tasks : []) {
      if (!task || (input.department && task.department !== input.department) || (input.assignee && task.assignee !== input.assignee)) continue;
      const state = taskEscalation(change, task, input.now, input);
      if (state) out.push(state);
    }
  if (!input.assignee)
    for (const incident of input.incidents ?? []) {
      if (input.department && incident?.department !== input.department) continue;
      const state = incidentEscalation(incident, input.now, input);
      if (state && (state.due || state.escalated)) out.push(state);
    }
  const rank = (s: EscalationStatus) => (s.due ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || (a.due && b.due ? compareText(a.due.due, b.due.due) : 0) || compareText(a.subject, b.subject));
}

/** Why a subject cannot be escalated now, or the level to escalate it to. */
export function levelToEscalate(state: EscalationStatus | undefined, subject: string, why: { notBlocked?: string; noChain: string }): EscalationLevelRef | string {
  if (why.notBlocked) return why.notBlocked;
  if (!state) return why.noChain;
  if (state.due) return state.due;
  if (state.escalated && !state.next) return `${subject} was already escalated to ${state.escalated.to} (level ${state.escalated.level}, the last of the chain) at ${state.escalated.at}`;
  const done = state.escalated ? `${subject} was escalated to ${state.escalated.to} (level ${state.escalated.level}) at ${state.escalated.at}; ` : `${subject}: `;
  return `${done}no escalation is due yet: level ${state.next!.level} (${state.next!.to}, ${state.next!.via}) falls due at ${state.next!.due}`;
}

/** The escalation message, for the person it goes to: what is stuck, since when, what is asked. */
export interface EscalationDraft {
  subject: string;
  kind: EscalationKind;
  title: string;
  department: string;
  /** The department's name. */
  departmentName: string;
  priority?: Priority;
  /** The change the task belongs to (a blocked task). */
  change?: { id: string; title: string };
  level: EscalationLevelRef;
  since: string;
  age: string;
  /** When this draft was made ("2026-11-20 10:05"). */
  at: string;
  note?: string;
  /** Escalated before, on this block (or this incident). */
  before?: { level: number; to: string; at: string };
  /** The level after this one, and when it falls due if nothing moves. */
  next?: EscalationLevelRef;
  client?: string;
  project?: string;
  /** Who escalates. */
  by?: string;
}

export function escalationDraft(
  state: EscalationStatus,
  level: EscalationLevelRef,
  context: EscalationContext & { now: number; change?: { id: string; title: string }; by?: string },
): EscalationDraft {
  const department = context.departments.find((d) => d?.id === state.department);
  return {
    subject: state.subject,
    kind: state.kind,
    title: state.title,
    department: state.department,
    departmentName: typeof department?.name === "string" ? department.name : state.department,
    ...(state.priority ? { priority: state.priority } : {}),
    ...(context.change ? { change: context.change } : {}),
    level,
    since: state.since,
    age: state.age,
    at: formatZonedShort(context.now, context.timezone),
    ...(state.note ? { note: state.note } : {}),
    ...(state.escalated ? { before: state.escalated } : {}),
    ...(state.next && state.next.level > level.level ? { next: state.next } : {}),
    ...(typeof context.manifest?.client?.name === "string" ? { client: context.manifest.client.name } : {}),
    ...(typeof context.manifest?.project?.name === "string" ? { project: context.manifest.project.name } : {}),
    ...(context.by ? { by: context.by } : {}),
  };
}
