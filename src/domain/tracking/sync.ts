// tam task sync, the domain: a service desk's status export (one row per ticket, or one per history
// event) read as ticket events, matched to tasks by the "[CHG-0003/T2]" reference dispatch put in the
// summary, and played against each change's tasks in time order through the same rules as
// `tam task start|done|block|unblock` (transition.ts). Pure: rows in, the history entries to append
// and the findings out.
import type { CsvTable } from "../csv.js";
import { readWallTime } from "../incidents/date-pattern.js";
import { compileStatePattern, type StatePattern } from "../incidents/state-pattern.js";
import { zonedToEpoch } from "../zone.js";
import { formatZoned } from "../zoned-timestamp.js";
import { BEFORE_WORK_STATUSES, type Change, type ChangeEvent, type ChangeStatus, type DocEntry, type Task, type TaskEvent, type TaskStatus, type TaskTicket } from "../../model/files.js";
import { changeAsOf } from "./history-time.js";
import { statusFollowingTasks } from "./lifecycle.js";
import { transition, type TaskAction } from "./transition.js";
import { docGapText, docTaskCoverage } from "./doc-coverage.js";

/** What a ticket's status means for its task; "wont-do": closed without the work, reported and never applied. */
export type SyncState = "todo" | "in-progress" | "blocked" | "done" | "wont-do";
export const SYNC_STATES: readonly SyncState[] = ["todo", "in-progress", "blocked", "done", "wont-do"];
export const SYNC_COLUMNS = ["key", "summary", "status", "updated", "resolved", "assignee", "comment"] as const;
export type SyncColumn = (typeof SYNC_COLUMNS)[number];

export interface SyncMapping {
  /** Each field: the column names it may have (the first the export has is read; case is ignored). */
  columns: Partial<Record<SyncColumn, string[]>>;
  /** Date pattern of the export (date-pattern.ts tokens); ISO 8601 when absent. */
  dateFormat?: string;
  /** Zone of the export's times without an offset (default: the project's). */
  timezone?: string;
  /** Ticket status patterns (names, globs, /regex/) for each state. */
  statuses: Partial<Record<SyncState, string[]>>;
}

export interface SyncFinding {
  severity: "error" | "warning";
  code: string;
  message: string;
  /** The export's row (header = 1) and line, when the finding is about a row. */
  row?: number;
  line?: number;
  /** The task the finding is about (for file:line in the change file). */
  change?: string;
  taskIndex?: number;
}

/** One row of the export: a ticket in a status at a time. */
export interface TicketEvent {
  row: number;
  line: number;
  key: string;
  /** CHANGE/TASK from the summary (or from another row of the same ticket). */
  ref?: string;
  status: string;
  state: SyncState;
  at: number;
  by?: string;
  comment?: string;
}

const REFERENCE = /\[([A-Za-z][A-Za-z0-9_]*-\d+)\/([A-Za-z0-9_-]+)\]/;

/** The separator of a CSV export: `;` (a European spreadsheet), a tab, or `,`, by the header line. */
export function sniffDelimiter(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let quoted = false;
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  for (const ch of body) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ",";
}

export interface ReadEvents {
  events: TicketEvent[];
  findings: SyncFinding[];
}

/** Reads the export's rows as ticket events; a row without a usable key, status or time is a located finding. */
export function readTicketEvents(table: CsvTable, mapping: SyncMapping, zone: string, knownKeys: ReadonlyMap<string, string> = new Map()): ReadEvents | { error: string } {
  const lower = table.header.map((h) => h.trim().toLowerCase());
  const index = new Map<SyncColumn, number>();
  for (const field of SYNC_COLUMNS) {
    const at = (mapping.columns[field] ?? []).map((name) => lower.indexOf(name.toLowerCase())).find((i) => i >= 0);
    if (at !== undefined) index.set(field, at);
  }
  const missing = (["key", "status", "updated"] as const).filter((f) => !index.has(f));
  if (!index.has("summary") && !missing.includes("key")) {
    // Without a summary the reference cannot be read: that is a missing column too.
    missing.push("summary" as never);
  }
  if (missing.length)
    return {
      error: `the export has no column for ${missing.map((f) => `${f} (${(mapping.columns[f] ?? []).map((n) => `"${n}"`).join(" or ") || "not mapped"})`).join(", ")}; its columns: ${table.header.join(", ")}`,
    };
  const patterns: [SyncState, StatePattern][] = [];
  for (const state of SYNC_STATES)
    for (const text of mapping.statuses[state] ?? []) {
      const compiled = compileStatePattern(text);
      if (typeof compiled === "string") return { error: compiled };
      patterns.push([state, compiled]);
    }
  const cell = (cells: string[], field: SyncColumn) => {
    const at = index.get(field);
    return at === undefined ? "" : (cells[at] ?? "").trim();
  };
  const time = (text: string): number | undefined => {
    const wall = readWallTime(text, mapping.dateFormat) ?? readWallTime(text);
    if (!wall) return undefined;
    const local = zonedToEpoch(wall.date, wall.minutes, mapping.timezone ?? zone) + wall.seconds * 1000;
    return wall.offsetMinutes === undefined ? local : Date.parse(`${wall.date}T00:00:00Z`) + (wall.minutes - wall.offsetMinutes) * 60_000 + wall.seconds * 1000;
  };
  const events: TicketEvent[] = [];
  const findings: SyncFinding[] = [];
  const refs = new Map<string, string>();
  for (const error of table.errors) findings.push({ severity: "error", code: "csv", message: error.message, row: error.row, line: error.line });
  for (const record of table.records) {
    const { cells, row, line } = record;
    const key = cell(cells, "key");
    const status = cell(cells, "status");
    if (!key) {
      findings.push({ severity: "error", code: "no-key", message: "no ticket key", row, line });
      continue;
    }
    const match = REFERENCE.exec(cell(cells, "summary"));
    const ref = match ? `${match[1]!.toUpperCase()}/${match[2]!}` : undefined;
    if (ref) refs.set(key, ref);
    const state = patterns.find(([, p]) => p.test(status))?.[0];
    if (!state) {
      findings.push({ severity: "error", code: "unknown-status", message: `${key}: status "${status}" is not mapped (map it under statuses: in the mapping file)`, row, line });
      continue;
    }
    const resolved = cell(cells, "resolved");
    const updated = cell(cells, "updated");
    // A finished ticket's time is when it was resolved; any other state's is its last update.
    const stamp = (state === "done" || state === "wont-do") && resolved ? resolved : updated;
    const at = time(stamp);
    if (at === undefined) {
      findings.push({ severity: "error", code: "bad-time", message: `${key}: "${stamp}" is not a time${mapping.dateFormat ? ` in the format ${mapping.dateFormat}` : ""}`, row, line });
      continue;
    }
    const by = cell(cells, "assignee") || undefined;
    const comment = cell(cells, "comment") || undefined;
    events.push({ row, line, key, ...(ref ? { ref } : {}), status, state, at, ...(by ? { by } : {}), ...(comment ? { comment } : {}) });
  }
  // One row per history event: the reference may be on some rows of a ticket only.
  // A ticket synced before is known by its key (tasks[].ticket.key), whatever its summary says now.
  for (const event of events) if (!event.ref) event.ref = refs.get(event.key) ?? knownKeys.get(event.key);
  for (const event of events.filter((e) => !e.ref))
    findings.push({ severity: "warning", code: "no-reference", message: `${event.key}: no [CHANGE/TASK] reference in its summary; not a ticket tam dispatched`, row: event.row, line: event.line });
  return { events: events.filter((e) => e.ref), findings };
}

export interface SyncOptions {
  timezone: string;
  /** Events after this instant have not happened yet (--as-of). */
  now: number;
  force: boolean;
  reason?: string;
  /**
   * The change's failing readiness items (tam change check), when it has not started yet: the first
   * work a ticket would record is refused, as `tam task start` refuses it, unless forced with a reason.
   */
  notReady?: string;
  /** docs.yaml's documents: a documentation task is done only when they cover its components (doc-coverage.ts). */
  docs?: readonly DocEntry[];
}

/** One transition to write: the task's history entry, and the change's when it follows its tasks. */
export interface SyncStep {
  taskIndex: number;
  task: string;
  key: string;
  row: number;
  from: TaskStatus;
  event: TaskEvent;
  changeStatus?: { from: ChangeStatus; event: ChangeEvent };
}

export interface ChangeSync {
  steps: SyncStep[];
  /** Tasks whose ticket record (tasks[].ticket) changes: the latest event of their ticket. */
  tickets: { taskIndex: number; ticket: TaskTicket }[];
  findings: SyncFinding[];
  /** Events already in the task's history, or not newer than it. */
  unchanged: number;
}

const ACTION_FOR: Record<Exclude<SyncState, "wont-do">, TaskAction> = { todo: "unblock", "in-progress": "start", blocked: "block", done: "done" };

function entryMs(at: unknown): number {
  return typeof at === "string" ? Date.parse(at) : Number.NaN;
}

/** The steps that bring `change`'s tasks to its tickets' states, played in time order. */
export function planChangeSync(change: Change, events: readonly TicketEvent[], options: SyncOptions): ChangeSync {
  let tasks: Task[] = structuredClone(change.tasks ?? []);
  let changeStatus = change.status;
  const steps: SyncStep[] = [];
  const findings: SyncFinding[] = [];
  let unchanged = 0;
  const lastChangeEntry = Math.max(Number.NEGATIVE_INFINITY, ...(change.history ?? []).map((h) => entryMs(h.at)).filter(Number.isFinite));
  const ordered = events.filter((e) => e.at <= options.now).sort((a, b) => a.at - b.at || a.row - b.row);
  for (const e of ordered) {
    const taskId = e.ref!.slice(e.ref!.indexOf("/") + 1);
    const index = tasks.findIndex((t) => t.id.toLowerCase() === taskId.toLowerCase());
    const where = { row: e.row, line: e.line };
    if (index < 0) {
      findings.push({ severity: "warning", code: "no-task", message: `${e.key}: ${change.id} has no task ${taskId} (any more); the ticket is not synced`, ...where });
      continue;
    }
    const task = tasks[index]!;
    const history = task.history ?? [];
    const last = Math.max(Number.NEGATIVE_INFINITY, ...history.map((h) => entryMs(h.at)).filter(Number.isFinite));
    // Already recorded (a re-sync), or older than what the history says: the file is ahead.
    if (e.at <= last || history.some((h) => entryMs(h.at) === e.at)) {
      unchanged++;
      continue;
    }
    const locate = { change: change.id, taskIndex: index, ...where };
    if (e.state === "wont-do") {
      if (task.status !== "cancelled")
        findings.push({
          severity: "warning",
          code: "wont-do",
          message: `${e.key} was closed as "${e.status}": ${change.id}/${task.id} is not cancelled by a sync; cancel it (tam task cancel) or reopen the ticket`,
          ...locate,
        });
      continue;
    }
    if (task.status === e.state) {
      unchanged++;
      continue;
    }
    if (e.state === "todo" && task.status !== "blocked") {
      findings.push({ severity: "warning", code: "reopened", message: `${e.key} is "${e.status}" again; tam does not move ${change.id}/${task.id} back from ${task.status}`, ...locate });
      continue;
    }
    const action = ACTION_FOR[e.state];
    const note = [`${e.key}: ${e.status}`, e.comment].filter(Boolean).join(": ");
    // The rules as they stood when the ticket moved: a predecessor done later in the history was not done then
    // (so a re-sync, after that predecessor was recorded, does not let an out-of-order ticket through).
    const then = changeAsOf({ ...change, status: changeStatus, tasks }, e.at);
    const thenTasks = (then.tasks ?? tasks).map((t, i) => (i === index ? task : t));
    // A documentation task is done when the docs index covers its components, as `tam task done` requires.
    const coverage = action === "done" ? docTaskCoverage({ ...change, status: changeStatus, tasks }, task, options.docs ?? [], e.at, options.timezone) : undefined;
    const docs = coverage?.gaps.length ? docGapText(coverage) : undefined;
    const result = transition(thenTasks, task, { action, force: options.force, note, reason: options.reason, ...(docs ? { docs } : {}) }, { ...change, status: changeStatus });
    if (!result.ok) {
      findings.push({ severity: "error", code: "rule", message: `${e.key} (${e.status}) not applied to ${change.id}/${task.id}: ${result.reason}`, ...locate });
      continue;
    }
    const at = formatZoned(Math.floor(e.at / 1000) * 1000, options.timezone);
    const event: TaskEvent = { at, status: result.status, by: e.by ?? e.key, note, ...(result.forced ? { forced: result.forced } : {}), ...(result.accepted ? { accepted: result.accepted } : {}) };
    const nextTasks = tasks.map((t, i) => (i === index ? { ...t, status: result.status, history: [...(t.history ?? []), event] } : t));
    let follows = statusFollowingTasks(changeStatus, nextTasks);
    // The gate of the first work on a change, as for `tam task start`.
    if (follows === "in-progress" && BEFORE_WORK_STATUSES.includes(changeStatus) && options.notReady && !options.force) {
      findings.push({
        severity: "error",
        code: "not-ready",
        message: `${e.key} (${e.status}) not applied: ${change.id} is not ready for work to start: ${options.notReady}; see \`tam change check ${change.id}\`, or use --force with a --reason`,
        ...locate,
      });
      continue;
    }
    tasks = nextTasks;
    if (follows && lastChangeEntry > e.at) {
      findings.push({
        severity: "warning",
        code: "change-status",
        message: `${change.id} would become ${follows} at ${at}, but its history already has a later entry: set its status by hand`,
        ...locate,
      });
      follows = undefined;
    }
    const step: SyncStep = { taskIndex: index, task: task.id, key: e.key, row: e.row, from: result.from, event };
    if (follows) {
      step.changeStatus = {
        from: changeStatus,
        event: {
          at,
          status: follows,
          by: event.by,
          note: follows === "review" ? "every task is done or cancelled" : `${change.id}/${task.id} ${result.status} (${e.key})`,
          // Forced past the readiness gate: recorded as an accepted risk, as `tam task start --force` records it.
          ...(follows === "in-progress" && options.notReady && options.force && options.reason ? { forced: options.reason } : {}),
        },
      };
      changeStatus = follows;
    }
    steps.push(step);
  }
  // Each task's ticket as of its latest event: key, status and time (written only when it differs).
  const latest = new Map<number, TicketEvent>();
  for (const e of ordered) {
    const taskId = e.ref!.slice(e.ref!.indexOf("/") + 1).toLowerCase();
    const index = (change.tasks ?? []).findIndex((t) => t.id.toLowerCase() === taskId);
    if (index >= 0) latest.set(index, e);
  }
  const tickets: ChangeSync["tickets"] = [];
  for (const [index, e] of [...latest.entries()].sort((a, b) => a[0] - b[0])) {
    const ticket: TaskTicket = { key: e.key, status: e.status, state: e.state, synced_at: formatZoned(Math.floor(e.at / 1000) * 1000, options.timezone) };
    if (JSON.stringify(change.tasks![index]!.ticket ?? null) !== JSON.stringify(ticket)) tickets.push({ taskIndex: index, ticket });
  }
  return { steps, tickets, findings, unchanged };
}
