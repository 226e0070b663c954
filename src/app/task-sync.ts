// Use case: bring the departments' ticket statuses back into the change files (tam task sync): the
// export's rows are matched to tasks by the "[CHG-0003/T2]" reference, played in time order through
// the rules of `tam task`, and every change they move is written in ONE commit. History entries carry
// the export's own times and people. Re-syncing the same export changes nothing.
import { transactionFlags, type WriteRequest } from "./write-request.js";
import { UsageError } from "../errors.js";
import { parseCsv } from "../domain/csv.js";
import { isValidTimeZone } from "../domain/zone.js";
import { planChangeSync, readTicketEvents, sniffDelimiter, type SyncFinding, type SyncStep, type TicketEvent } from "../domain/tracking/sync.js";
import { BEFORE_WORK_STATUSES, type Change } from "../model/files.js";
import { requireValidIn } from "../project/check.js";
import { pushTo } from "../util/collections.js";
import { applyChangeEdit } from "../project/change-steps.js";
import { DEFAULT_MAX_CSV_MB, readCsvFile, type InputEncoding } from "../project/csv-input.js";
import { FILE_NAMES } from "../project/load.js";
import { locate, parseSource } from "../project/source.js";
import { loadSyncMapping } from "../project/sync-mapping.js";
import { editFiles, type WriteResult } from "../project/transaction.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { readinessOf } from "./change-check.js";

export interface TaskSyncRequest extends ProjectOptions, ClockOptions, WriteRequest {
  /** The export, as given (messages name it so). */
  file: string;
  preset?: string;
  mapping?: string;
  encoding?: InputEncoding;
  force?: boolean;
  reason?: string;
}

export interface SyncedStep {
  change: string;
  task: string;
  ticket: string;
  from: string;
  to: string;
  at: string;
  by: string;
  forced?: string;
  changeStatus?: { from: string; to: string };
}

export interface LocatedSyncFinding {
  severity: "error" | "warning";
  code: string;
  message: string;
  /** `export.csv:12` for a row; `changes/CHG-0003.yaml:40:5` for a task. */
  where: string[];
}

export interface TaskSyncResult {
  file: string;
  rows: number;
  tickets: number;
  applied: SyncedStep[];
  /** Events the change files already record (a re-sync). */
  unchanged: number;
  /** Tasks whose ticket record (key, status, last synced) was written. */
  ticketRecords: number;
  findings: LocatedSyncFinding[];
  write?: WriteResult;
}

export async function syncTasks(request: TaskSyncRequest): Promise<TaskSyncResult> {
  if (request.force && !request.reason?.trim()) throw new UsageError("--force needs --reason saying why the rules are broken");
  const mapping = loadSyncMapping(request);
  if (mapping.timezone && !isValidTimeZone(mapping.timezone)) throw new UsageError(`the mapping's timezone ${mapping.timezone} is not a time zone`);
  const text = readCsvFile(request.file, { encoding: request.encoding, maxMb: DEFAULT_MAX_CSV_MB });
  const table = parseCsv(text, sniffDelimiter(text));
  const project = openProject(request);
  requireValidIn(project, [FILE_NAMES.manifest]);
  const clock = clockFor(project, request.asOf, request.now);
  const known = new Map<string, string>();
  for (const change of project.changes) for (const task of change.tasks ?? []) if (task.ticket?.key) known.set(task.ticket.key, `${change.id}/${task.id}`);
  const read = readTicketEvents(table, mapping, clock.timezone, known);
  if ("error" in read) throw new UsageError(`${request.file}: ${read.error}`);
  const findings: LocatedSyncFinding[] = [];
  const rowWhere = (f: SyncFinding) => (f.line !== undefined ? [`${request.file}:${f.line}`] : []);
  for (const f of read.findings) findings.push({ severity: f.severity, code: f.code, message: f.message, where: rowWhere(f) });
  // The events of each change, by the change's id as the project spells it.
  const byChange = new Map<string, TicketEvent[]>();
  const ids = new Map(project.changes.map((c) => [c.id.toLowerCase(), c.id]));
  for (const event of read.events) {
    const changeId = ids.get(event.ref!.slice(0, event.ref!.indexOf("/")).toLowerCase());
    if (!changeId) {
      findings.push({
        severity: "warning",
        code: "no-change",
        message: `${event.key}: no change ${event.ref!.split("/")[0]} in the project; the ticket is not synced`,
        where: [`${request.file}:${event.line}`],
      });
      continue;
    }
    pushTo(byChange, changeId, event);
  }
  const files = new Map<string, string>();
  for (const id of byChange.keys()) files.set(id, project.originOf(project.changes.find((c) => c.id === id)!)!.source.rel);
  requireValidIn(project, [...files.values()]);
  const base = { timezone: clock.timezone, now: clock.now, force: Boolean(request.force), reason: request.reason, docs: project.docs };
  // The readiness gate of each change whose work has not started (tam change check), as `tam task start` applies it.
  const notReady = new Map<string, string>();
  for (const id of byChange.keys()) {
    const change = project.changes.find((c) => c.id === id)!;
    if (!BEFORE_WORK_STATUSES.includes(change.status)) continue;
    const { readiness } = readinessOf(project, change, clock.now, clock.timezone);
    const failing = readiness.items.filter((i) => i.state === "fail" && !(i.id === "approver" && !change.approval));
    if (failing.length) notReady.set(id, failing.map((i) => `${i.id}: ${i.why}`).join("; "));
  }
  const optionsFor = (id: string) => ({ ...base, ...(notReady.has(id) ? { notReady: notReady.get(id)! } : {}) });
  // A first plan from the files as read, to know which need an edit; the edit plans again under the lock.
  const touched = [...byChange.entries()].filter(([id]) => needsWrite(planChangeSync(project.changes.find((c) => c.id === id)!, byChange.get(id)!, optionsFor(id)))).map(([id]) => id);
  const applied: SyncedStep[] = [];
  let unchanged = 0;
  let tickets = 0;
  const planned = new Set<string>();
  const record = (change: Change, plan: ReturnType<typeof planChangeSync>, locateTask: (index: number) => string | undefined) => {
    planned.add(change.id);
    unchanged += plan.unchanged;
    for (const f of plan.findings) {
      const where = [...(f.taskIndex !== undefined ? [locateTask(f.taskIndex)].filter((w): w is string => Boolean(w)) : []), ...rowWhere(f)];
      findings.push({ severity: f.severity, code: f.code, message: f.message, where });
    }
    for (const step of plan.steps) applied.push(synced(change.id, step));
  };
  let write: WriteResult | undefined;
  if (touched.length) {
    write = await editFiles(
      project,
      touched.map((id) => ({
        path: files.get(id)!,
        edit: (_text: string | null, source) => {
          const change = source!.data as Change;
          const plan = planChangeSync(change, byChange.get(id)!, optionsFor(id));
          record(change, plan, (index) => {
            const at = locate(source!, ["tasks", index]);
            return `${at.file}${at.line ? `:${at.line}:${at.col ?? 1}` : ""}`;
          });
          let current = source!;
          let out = current.text;
          for (const step of plan.steps) {
            out = applyChangeEdit(current, {
              task: { index: step.taskIndex, event: step.event },
              ...(step.changeStatus ? { status: step.changeStatus.event.status as Change["status"], event: step.changeStatus.event } : {}),
            });
            current = parseSource(current.abs, current.rel, current.kind, out);
          }
          for (const { taskIndex, ticket } of plan.tickets) {
            out = applyChangeEdit(current, { ticket: { index: taskIndex, ticket } });
            current = parseSource(current.abs, current.rel, current.kind, out);
          }
          tickets += plan.tickets.length;
          return out;
        },
      })),
      {
        message: () =>
          `tam task sync: ${applied.length} update${applied.length === 1 ? "" : "s"}, ${tickets} ticket record${tickets === 1 ? "" : "s"} from ${basename(request.file)} (${[...new Set(applied.map((a) => a.change))].join(", ")})`,
        ...transactionFlags(request),
      },
    );
  }
  // Changes with nothing to write: their findings all the same.
  for (const [id, events] of byChange) {
    if (planned.has(id)) continue;
    const change = project.changes.find((c) => c.id === id)!;
    record(change, planChangeSync(change, events, optionsFor(id)), (index) => {
      const at = project.where(change.tasks![index]!);
      return `${at.file}${at.line ? `:${at.line}:${at.col ?? 1}` : ""}`;
    });
  }
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return { file: request.file, rows: table.records.length, tickets: new Set(read.events.map((e) => e.key)).size, applied, unchanged, ticketRecords: tickets, findings, ...(write ? { write } : {}) };
}

const needsWrite = (plan: ReturnType<typeof planChangeSync>): boolean => plan.steps.length > 0 || plan.tickets.length > 0;

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function synced(change: string, step: SyncStep): SyncedStep {
  return {
    change,
    task: step.task,
    ticket: step.key,
    from: step.from,
    to: step.event.status,
    at: step.event.at,
    by: step.event.by ?? step.key,
    ...(step.event.forced ? { forced: step.event.forced } : {}),
    ...(step.changeStatus ? { changeStatus: { from: step.changeStatus.from, to: step.changeStatus.event.status } } : {}),
  };
}

export type { InputEncoding } from "../project/csv-input.js";
