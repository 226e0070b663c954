// The go/no-go check of a change (`tam change check`): before the client's decision maker approves
// it, and before its first task starts, each item passes or fails and says why. "Never work without
// insurance": a rollback plan, a test plan, a backup with a tested restore of what can be lost; the
// approver is a client decision maker; the schedule against blackouts and other changes; a plan
// that exists; a forecast that fits the window and the promise. A failing item forced past
// (`--force --reason`) is recorded in the change's history and stays an accepted risk.
import type { Change, Component, Manifest, ReadinessRuleName, Task } from "../../model/files.js";
import { OPEN_CHANGE_STATUSES } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import { DEFAULT_STATEFUL_KINDS } from "../planner/followups.js";
import { changeBlackouts } from "../planner/schedule-context.js";
import type { ChangeSchedule } from "../planner/schedule-types.js";
import { dateInZone } from "../zone.js";
import { formatZonedShort } from "../zoned-timestamp.js";
import { approversText, checkApprover } from "./approvers.js";

export type ReadinessItemId = "rollback" | "test-plan" | "backup" | "approver" | "blackout" | "conflict" | "plan" | "forecast";
const READINESS_ITEMS: ReadinessItemId[] = ["plan", "rollback", "test-plan", "backup", "approver", "blackout", "conflict", "forecast"];
/** The items that are facts of the change file (no forecast needed): `tam validate` checks these. */
export const STATIC_READINESS_ITEMS: ReadinessItemId[] = ["plan", "rollback", "test-plan", "backup", "approver"];

export type ReadinessState = "pass" | "fail" | "accepted";

export interface ReadinessItem {
  id: ReadinessItemId;
  state: ReadinessState;
  why: string;
  /** For an accepted risk: who forced the step past it, when, and why. */
  accepted?: { by?: string; at: string; reason: string };
}

/** go: every item passes (or is an accepted risk); ready-for-approval: only the approval is missing; no-go: an item fails. */
export type Verdict = "go" | "ready-for-approval" | "no-go";

export interface Readiness {
  change: string;
  title: string;
  status: string;
  type: string;
  verdict: Verdict;
  items: ReadinessItem[];
}

export interface ReadinessInput {
  change: Change;
  manifest: Manifest | undefined;
  /** architecture.yaml's components (a change's new components are read from the change). */
  components: readonly Component[];
  timezone: string;
  /** The change's forecast; without it the items that need one (blackout, conflict, forecast) are not checked. */
  schedule?: ChangeSchedule;
  /** The other open changes with their forecasts, for conflicts. */
  others?: readonly { change: Change; schedule: ChangeSchedule }[];
  /** The approver proposed by `tam change approve --by`: checked instead of the recorded approval. */
  approver?: string;
  /** Only these items (default: every item enabled in tam.yaml). */
  only?: readonly ReadinessItemId[];
}

const RULE_NAME: Record<ReadinessItemId, ReadinessRuleName> = {
  rollback: "rollback",
  "test-plan": "test_plan",
  backup: "backup",
  approver: "approver",
  blackout: "blackout",
  conflict: "conflict",
  plan: "plan",
  forecast: "forecast",
};

const BACKUP_KINDS = new Set(["backup", "final-backup"]);
const WORK_KINDS = new Set(["implementation", "manual"]);

function text(value: unknown): boolean {
  return typeof value === "string" && value.trim().length > 0;
}

function liveTasks(change: Change): Task[] {
  return (Array.isArray(change.tasks) ? change.tasks : []).filter((t) => t && t.status !== "cancelled");
}

/** The items enabled in tam.yaml (each on unless `enabled: false`). */
function enabledItems(manifest: Manifest | undefined): ReadinessItemId[] {
  const rules = manifest?.readiness ?? {};
  return READINESS_ITEMS.filter((id) => rules[RULE_NAME[id]]?.enabled !== false);
}

/** The risks accepted so far: readiness items a forced step of the change's history went past. */
function acceptedRisks(change: Change): Map<string, { by?: string; at: string; reason: string }> {
  const out = new Map<string, { by?: string; at: string; reason: string }>();
  for (const event of Array.isArray(change.history) ? change.history : []) {
    if (!event || !text(event.forced) || !Array.isArray(event.accepted)) continue;
    for (const item of event.accepted) if (!out.has(item)) out.set(item, { ...(event.by ? { by: event.by } : {}), at: event.at, reason: event.forced! });
  }
  return out;
}

/** Tasks that `task` waits for, directly or through others. */
function predecessors(tasks: readonly Task[], task: Task): Set<string> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const stack = [...(task.after ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.after ?? []));
  }
  return seen;
}

function backupItem(input: ReadinessInput): Omit<ReadinessItem, "id"> {
  const { change, manifest } = input;
  const kinds = new Set(manifest?.readiness?.backup?.kinds ?? manifest?.followups?.backup?.kinds ?? DEFAULT_STATEFUL_KINDS);
  const byId = new Map<string, Component>();
  for (const c of input.components) if (c && typeof c.id === "string") byId.set(c.id, c);
  for (const c of Array.isArray(change.new_components) ? change.new_components : []) if (c && typeof c.id === "string") byId.set(c.id, c);
  const stateful = (Array.isArray(change.scope) ? change.scope : [])
    .filter((s) => s && (s.action === "modify" || s.action === "remove"))
    .map((s) => s.component)
    .filter((id) => kinds.has(byId.get(id)?.kind ?? ""));
  if (!stateful.length) return { state: "pass", why: "the change modifies or removes no stateful component" };
  const tasks = liveTasks(change);
  const missing: string[] = [];
  const covered: string[] = [];
  for (const id of [...new Set(stateful)]) {
    const backups = tasks.filter((t) => BACKUP_KINDS.has(t.kind ?? "") && (t.components ?? []).includes(id));
    const work = tasks.filter((t) => WORK_KINDS.has(t.kind ?? "implementation") && (t.components ?? []).includes(id));
    const before = backups.find((b) => work.length > 0 && work.every((w) => predecessors(tasks, w).has(b.id)));
    if (before) covered.push(`${id} (${before.id})`);
    else missing.push(id);
  }
  if (missing.length)
    return {
      state: "fail",
      why: `no backup with a tested restore ordered before the work on ${missing.join(", ")} (${byId.get(missing[0]!)?.kind}): add a backup task that the work waits for (after:)`,
    };
  return { state: "pass", why: `a backup is ordered before the work: ${covered.join(", ")}` };
}

function approverItem(input: ReadinessInput): Omit<ReadinessItem, "id"> {
  const { change, manifest } = input;
  const who = approversText(manifest);
  if (input.approver !== undefined) {
    const check = checkApprover(input.approver, manifest);
    return check.ok ? { state: "pass", why: `to be approved by ${check.by}${check.via === "cab" ? "" : " (client decision maker)"}` } : { state: "fail", why: check.reason };
  }
  const approval = change.approval;
  if (approval && typeof approval.by === "string") {
    if (approval.via === "cab") return { state: "pass", why: `approved by the CAB (${approval.by}) at ${approval.at}` };
    const check = checkApprover(approval.by, manifest);
    return check.ok
      ? { state: "pass", why: `approved by ${check.by}${check.via === "cab" ? "" : " (client decision maker)"} at ${approval.at}` }
      : { state: "fail", why: `recorded approval: ${check.reason}; correct it with \`tam change approve ${change.id} --correct --by <who> --reason <why>\`` };
  }
  if (change.type === "standard") return { state: "pass", why: "a standard change is pre-approved" };
  if (change.type === "emergency") return { state: "pass", why: `an emergency change may start before its approval; record it afterwards (${who})` };
  return { state: "fail", why: `not approved yet: approval is by ${who} (\`tam change approve ${change.id} --by <who>\`)` };
}

function planItem(input: ReadinessInput): Omit<ReadinessItem, "id"> {
  const tasks = liveTasks(input.change);
  if (!tasks.length) return { state: "fail", why: `no plan: no tasks are written, so there are no dates to promise; run \`tam change plan ${input.change.id} --write\`` };
  const s = input.schedule;
  if (s && (s.startDate === null || s.finishDate === null)) return { state: "fail", why: `${tasks.length} tasks are written but they cannot be scheduled: no dates` };
  return { state: "pass", why: `${tasks.length} tasks written${s ? `, ${s.startDate} → ${s.finishDate}` : ""}` };
}

function blackoutItem(input: ReadinessInput): Omit<ReadinessItem, "id"> | undefined {
  const { change, manifest, schedule, timezone } = input;
  if (!schedule) return undefined;
  const all = Array.isArray(manifest?.blackouts) ? manifest!.blackouts : [];
  if (!all.length) return { state: "pass", why: "no blackout in tam.yaml" };
  const holding = changeBlackouts({ manifest, timezone }, change);
  const name = (from: number, to: number) => {
    const b = all.find((x) => parseTimestamp(x.from) === from);
    return `${dateInZone(from, timezone)}..${dateInZone(to - 1, timezone)}${b?.reason ? ` (${b.reason})` : ""}`;
  };
  const clashes: string[] = [];
  const written = new Map(liveTasks(change).map((t) => [t.id, t]));
  const existing = new Set((Array.isArray(change.scope) ? change.scope : []).filter((s) => s && (s.action === "modify" || s.action === "remove")).map((s) => s.component));
  const ws = change.window?.start ? parseTimestamp(change.window.start) : Number.NaN;
  const we = change.window?.end ? parseTimestamp(change.window.end) : Number.NaN;
  for (const [from, to] of holding) {
    if (Number.isFinite(ws) && Number.isFinite(we) && ws < to && we > from) clashes.push(`the window is in the blackout ${name(from, to)}`);
    // Work on what exists (modify, remove) left half done across a freeze; new components may pause.
    const across = schedule.tasks
      .filter((t) => t.status !== "done" && t.start !== null && t.finish !== null && t.start < from && t.finish > to && (written.get(t.id)?.components ?? []).some((c) => existing.has(c)))
      .map((t) => t.id);
    if (across.length)
      clashes.push(
        `${across.join(", ")} would leave ${[...new Set(across.flatMap((id) => (written.get(id)?.components ?? []).filter((c) => existing.has(c))))].join(", ")} half changed across the blackout ${name(from, to)}`,
      );
  }
  if (clashes.length) return { state: "fail", why: `${clashes.join("; ")}: move the window, or record an exception (blackout_exceptions) agreed with the client` };
  const excepted = all.filter((b) => !holding.some(([from]) => from === parseTimestamp(b.from)));
  const inSpan = holding.filter(([from, to]) => schedule.start !== null && schedule.finish !== null && from < schedule.finish && to > schedule.start);
  const parts = [
    inSpan.length ? `the plan pauses in ${inSpan.map(([f, t]) => name(f, t)).join(", ")}: no task is scheduled in it` : "no blackout in the forecast",
    excepted.length ? `exception recorded for ${excepted.map((b) => name(parseTimestamp(b.from), parseTimestamp(b.to))).join(", ")}` : "",
  ].filter(Boolean);
  return { state: "pass", why: parts.join("; ") };
}

function touched(change: Change): Set<string> {
  return new Set(
    [...(Array.isArray(change.scope) ? change.scope : []).map((s) => s?.component), ...liveTasks(change).flatMap((t) => t.components ?? [])].filter((c): c is string => typeof c === "string"),
  );
}

function conflictItem(input: ReadinessInput): Omit<ReadinessItem, "id"> | undefined {
  const { change, schedule, others } = input;
  if (!schedule || !others) return undefined;
  if (schedule.startDate === null || schedule.finishDate === null) return { state: "pass", why: "no forecast to compare (nothing planned)" };
  const ours = touched(change);
  const clashes: string[] = [];
  for (const other of others) {
    if (other.change.id === change.id || !OPEN_CHANGE_STATUSES.includes(other.change.status)) continue;
    const s = other.schedule;
    if (s.startDate === null || s.finishDate === null || s.startDate > schedule.finishDate || s.finishDate < schedule.startDate) continue;
    const both = [...touched(other.change)].filter((c) => ours.has(c)).sort();
    if (both.length) clashes.push(`${other.change.id} (${other.change.status}, ${s.startDate} → ${s.finishDate}) also works on ${both.join(", ")}`);
  }
  if (clashes.length) return { state: "fail", why: `${clashes.join("; ")}: order the two changes (one after the other) or merge them` };
  return { state: "pass", why: "no other open change works on the same components at the same time" };
}

function forecastItem(input: ReadinessInput): Omit<ReadinessItem, "id"> | undefined {
  const { change, schedule } = input;
  if (!schedule) return undefined;
  if (schedule.finish === null || schedule.finishDate === null) return { state: "fail", why: "no forecast: nothing is planned" };
  const misses: string[] = [];
  const we = change.window?.end ? parseTimestamp(change.window.end) : Number.NaN;
  if (Number.isFinite(we) && schedule.finish > we) misses.push(`runs past the window's end ${change.window!.end}`);
  if (change.due && schedule.finishDate > change.due) misses.push(`is after the due date ${change.due}`);
  const promised = change.baseline?.client;
  if (typeof promised === "string" && schedule.finishDate > promised) misses.push(`is after the date promised to the client ${promised}`);
  if (misses.length) return { state: "fail", why: `forecast finish ${schedule.finishDate} ${misses.join(", ")}: agree a new date, or re-plan` };
  const against = [change.window?.end ? "the window" : "", change.due ? `due ${change.due}` : "", promised ? `promise ${promised}` : ""].filter(Boolean);
  return { state: "pass", why: `forecast finish ${schedule.finishDate}${against.length ? ` fits ${against.join(", ")}` : ""}` };
}

export function checkReadiness(input: ReadinessInput): Readiness {
  const { change } = input;
  const enabled = new Set(enabledItems(input.manifest));
  const accepted = acceptedRisks(change);
  const compute: Record<ReadinessItemId, () => Omit<ReadinessItem, "id"> | undefined> = {
    plan: () => planItem(input),
    rollback: () =>
      text(change.rollback) ? { state: "pass", why: "a rollback plan is written" } : { state: "fail", why: "no rollback plan: never work without insurance, write how to undo it (rollback:)" },
    "test-plan": () => (text(change.test_plan) ? { state: "pass", why: "a test plan is written" } : { state: "fail", why: "no test plan: write how success is verified (test_plan:)" }),
    backup: () => backupItem(input),
    approver: () => approverItem(input),
    blackout: () => blackoutItem(input),
    conflict: () => conflictItem(input),
    forecast: () => forecastItem(input),
  };
  const items: ReadinessItem[] = [];
  for (const id of READINESS_ITEMS) {
    if (!enabled.has(id) || (input.only && !input.only.includes(id))) continue;
    const result = compute[id]();
    if (!result) continue;
    const risk = result.state === "fail" ? accepted.get(id) : undefined;
    items.push(risk ? { id, state: "accepted", why: result.why, accepted: risk } : { id, ...result });
  }
  const failing = items.filter((i) => i.state === "fail");
  const verdict: Verdict = !failing.length ? "go" : failing.every((i) => i.id === "approver") && !change.approval ? "ready-for-approval" : "no-go";
  return { change: change.id, title: change.title, status: change.status, type: change.type, verdict, items };
}

/** The failing items, as one line for a refusal. */
export function failingText(readiness: Readiness, skip: readonly ReadinessItemId[] = []): string {
  return readiness.items
    .filter((i) => i.state === "fail" && !skip.includes(i.id))
    .map((i) => `${i.id}: ${i.why}`)
    .join("; ");
}

/** A failing readiness item in the client's words, for an accepted risk. */
export const RISK_WORDS: Record<string, string> = {
  rollback: "no rollback plan written yet",
  "test-plan": "no test plan yet",
  backup: "no backup with a tested restore before the work",
  approver: "no approval by a decision maker",
  blackout: "work during a blackout period",
  conflict: "another change works on the same components at the same time",
  plan: "no written plan",
  forecast: "a forecast that does not fit the window, the deadline or the promise",
  documentation: "the documentation not brought up to date with the change",
};

export interface AcceptedRisk {
  items: string[];
  reason: string;
  by?: string;
  at: string;
  /** The task whose forced update took the risk (a documentation task done before the docs covered it). */
  task?: string;
}

type ForcedEvent = { at: string; by?: string; forced?: string; accepted?: string[] };
const forcedPastRisk = (e: ForcedEvent | null | undefined): e is ForcedEvent & { forced: string; accepted: string[] } => Boolean(e && text(e.forced) && Array.isArray(e.accepted) && e.accepted.length);

/**
 * The forced steps of the change's history and of its tasks' histories (in time order): each names
 * the items it went past, who, when and why.
 */
export function acceptedRiskSteps(change: Change): AcceptedRisk[] {
  const steps = (Array.isArray(change.history) ? change.history : [])
    .filter((e): e is typeof e & { forced: string; accepted: string[] } => forcedPastRisk(e))
    .map((e): AcceptedRisk => ({ items: [...e.accepted], reason: e.forced.trim(), ...(e.by ? { by: e.by } : {}), at: e.at }));
  for (const task of Array.isArray(change.tasks) ? change.tasks : [])
    for (const e of task && Array.isArray(task.history) ? task.history : [])
      if (forcedPastRisk(e)) steps.push({ items: [...e.accepted], reason: e.forced.trim(), ...(e.by ? { by: e.by } : {}), at: e.at, task: task.id });
  const time = (at: string) => parseTimestamp(at);
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => time(a.s.at) - time(b.s.at) || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * Why work on the change may not start at `now`: inside a blackout that holds for it (no exception
 * recorded, not an emergency allowed in it), or outside the change's window. Undefined when it may.
 */
export function workMomentProblem(change: Change, manifest: Manifest | undefined, now: number, timezone: string): string | undefined {
  const at = formatZonedShort(now, timezone);
  for (const [from, to] of changeBlackouts({ manifest, timezone }, change)) {
    if (now >= from && now < to) {
      const b = (manifest?.blackouts ?? []).find((x) => parseTimestamp(x.from) === from);
      return `${at} is in the blackout ${dateInZone(from, timezone)}..${dateInZone(to - 1, timezone)}${b?.reason ? ` (${b.reason})` : ""}: record an exception agreed with the client (blackout_exceptions)`;
    }
  }
  const start = change.window?.start ? parseTimestamp(change.window.start) : Number.NaN;
  const end = change.window?.end ? parseTimestamp(change.window.end) : Number.NaN;
  if (Number.isFinite(start) && now < start) return `${at} is before ${change.id}'s window opens (${formatZonedShort(start, timezone)})`;
  if (Number.isFinite(end) && now >= end) return `${at} is after ${change.id}'s window closed (${formatZonedShort(end, timezone)}): agree a new window with the client`;
  return undefined;
}
