// Service-desk exports to incidents. Two shapes: one row per incident, or an event log with one row
// per state change (the rows of one incident become one incident). Pure: rows and mapping in, incidents
// and row errors out. Idempotent through external_id: incidents already in the project are skipped.
import type { CsvRecord } from "../csv.js";
import type { CauseCategory, Incident, IncidentStatus, Pause, Priority } from "../../model/files.js";
import { dayNumber } from "../dates.js";
import { zonedToEpoch } from "../zone.js";
import { formatZoned } from "../zoned-timestamp.js";
import { readWallTime } from "./date-pattern.js";
import { nextIncidentIds } from "./record.js";

export const IMPORT_FIELDS = ["external_id", "title", "priority", "components", "department", "opened", "responded", "resolved", "closed", "cause", "root_cause", "status", "actions", "state", "at"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
const CAUSES: CauseCategory[] = ["hardware", "software", "network", "configuration", "capacity", "human-error", "vendor", "security", "external", "unknown"];
const STATUSES: IncidentStatus[] = ["open", "responded", "resolved", "closed"];

export interface EventLogStates {
  initial: string[];
  /** Waiting state -> pause reason. */
  waiting: Record<string, Pause["reason"]>;
  resolved: string[];
  closed: string[];
}

export interface ImportMapping {
  /** Incident field -> CSV column name. */
  columns: Partial<Record<ImportField, string>>;
  dateFormat?: string;
  /** Zone of timestamps without an offset. */
  timezone: string;
  /** Values that mean empty, such as "?". */
  empty: string[];
  eventLog?: EventLogStates;
  /** Per field, export value -> project value (priorities, department names, cause categories, statuses). */
  values: Partial<Record<"priority" | "department" | "components" | "cause" | "status", Record<string, string>>>;
}

export interface ImportContext {
  existingIds: string[];
  existingExternalIds: Set<string>;
  departments: Set<string>;
  components: Set<string>;
}

export interface RowError {
  row: number;
  message: string;
}

export interface ImportResult {
  incidents: Incident[];
  errors: RowError[];
  /** External ids already in the project. */
  skipped: string[];
}

class RowProblem extends Error {}

/** Reads the fields of one record. */
class RowReader {
  private readonly index = new Map<string, number>();
  constructor(
    header: string[],
    private readonly mapping: ImportMapping,
  ) {
    header.forEach((name, i) => this.index.set(name, i));
  }

  missingColumns(): string[] {
    return Object.entries(this.mapping.columns)
      .filter(([, column]) => column !== undefined && !this.index.has(column))
      .map(([field, column]) => `${field} -> "${column}"`);
  }

  text(record: CsvRecord, field: ImportField): string | undefined {
    const column = this.mapping.columns[field];
    if (column === undefined) return undefined;
    const raw = (record.cells[this.index.get(column)!] ?? "").trim();
    return raw === "" || this.mapping.empty.includes(raw) ? undefined : raw;
  }

  mapped(record: CsvRecord, field: "priority" | "department" | "components" | "cause" | "status", raw?: string): string | undefined {
    const value = raw ?? this.text(record, field);
    if (value === undefined) return undefined;
    return this.mapping.values[field]?.[value] ?? value;
  }

  epoch(record: CsvRecord, field: ImportField): number | undefined {
    const text = this.text(record, field);
    if (text === undefined) return undefined;
    const wall = readWallTime(text, this.mapping.dateFormat);
    if (!wall) throw new RowProblem(`${field} "${text}" does not match ${this.mapping.dateFormat ? `the date format "${this.mapping.dateFormat}"` : "ISO 8601 (or give --date-format)"}`);
    if (wall.offsetMinutes !== undefined) {
      return dayNumber(wall.date) * 86_400_000 + wall.minutes * 60_000 + wall.seconds * 1000 - wall.offsetMinutes * 60_000;
    }
    return zonedToEpoch(wall.date, wall.minutes, this.mapping.timezone) + wall.seconds * 1000;
  }
}

function priorityOf(value: string | undefined): Priority {
  if (value === undefined) throw new RowProblem("priority is empty");
  const digit = /^p?([1-4])\b/i.exec(value.trim());
  if (digit) return `P${digit[1]}` as Priority;
  const word = { critical: "P1", high: "P2", medium: "P3", moderate: "P3", low: "P4", planning: "P4" }[value.trim().toLowerCase()];
  if (word) return word as Priority;
  throw new RowProblem(`priority "${value}" is not P1-P4 (map it: values.priority in the mapping file)`);
}

/** The fields every shape shares: taken from one record (the latest, in an event log). */
function commonFields(reader: RowReader, record: CsvRecord, ctx: ImportContext, fallback?: (field: ImportField) => string | undefined) {
  const text = (field: ImportField) => reader.text(record, field) ?? fallback?.(field);
  const title = text("title");
  if (!title) throw new RowProblem("title is empty");
  const priority = priorityOf(reader.mapped(record, "priority", text("priority")));
  const department = reader.mapped(record, "department", text("department"));
  if (department !== undefined && !ctx.departments.has(department)) throw new RowProblem(`department "${department}" is not a department id (map it: values.department)`);
  const components = (text("components") ?? "")
    .split(/[,;]\s*|\s+/)
    .filter(Boolean)
    .map((c) => reader.mapped(record, "components", c)!);
  for (const component of components) if (!ctx.components.has(component)) throw new RowProblem(`component "${component}" is not a component id (map it: values.components)`);
  const causeText = reader.mapped(record, "cause", text("cause"));
  const cause = causeText === undefined ? undefined : causeText.toLowerCase();
  if (cause !== undefined && !CAUSES.includes(cause as CauseCategory)) throw new RowProblem(`cause "${causeText}" is not one of ${CAUSES.join(", ")} (map it: values.cause)`);
  const rootCause = text("root_cause");
  return {
    title,
    priority,
    ...(components.length ? { components: [...new Set(components)] } : {}),
    ...(department ? { department } : {}),
    ...(cause ? { cause: { category: cause as CauseCategory, ...(rootCause ? { root_cause: rootCause } : {}) } } : {}),
    actions: text("actions"),
  };
}

function statusFrom(times: { responded?: number; resolved?: number; closed?: number }): IncidentStatus {
  return times.closed !== undefined ? "closed" : times.resolved !== undefined ? "resolved" : times.responded !== undefined ? "responded" : "open";
}

interface Draft {
  externalId: string;
  opened: number;
  row: number;
  build: (zone: string) => Omit<Incident, "id">;
}

function fromRow(reader: RowReader, record: CsvRecord, ctx: ImportContext, zone: string): Draft {
  const externalId = reader.text(record, "external_id")!;
  const common = commonFields(reader, record, ctx);
  const opened = reader.epoch(record, "opened");
  if (opened === undefined) throw new RowProblem("opened is empty");
  const responded = reader.epoch(record, "responded");
  const resolved = reader.epoch(record, "resolved");
  const closed = reader.epoch(record, "closed");
  const statusText = reader.mapped(record, "status");
  if (statusText !== undefined && !STATUSES.includes(statusText as IncidentStatus)) throw new RowProblem(`status "${statusText}" is not one of ${STATUSES.join(", ")} (map it: values.status)`);
  const ts = (epoch: number | undefined) => (epoch === undefined ? undefined : formatZoned(epoch, zone));
  return {
    externalId,
    opened,
    row: record.row,
    build: () => clean({ external_id: externalId, ...common, opened: ts(opened)!, responded: ts(responded), resolved: ts(resolved), closed: ts(closed), status: (statusText as IncidentStatus) ?? statusFrom({ responded, resolved, closed }) }),
  };
}

/** An event log's rows of one incident, oldest first, become one incident. */
function fromEvents(reader: RowReader, records: CsvRecord[], states: EventLogStates, ctx: ImportContext): Draft {
  const events = records
    .map((record) => {
      const at = reader.epoch(record, "at");
      const state = reader.text(record, "state");
      if (at === undefined) throw new RowProblem(`row ${record.row}: the event time (at) is empty`);
      if (state === undefined) throw new RowProblem(`row ${record.row}: the state is empty`);
      return { record, at, state };
    })
    .sort((a, b) => a.at - b.at || a.record.row - b.record.row);
  const latest = events[events.length - 1]!.record;
  const newestFirst = [...events].reverse();
  const fallback = (field: ImportField) => newestFirst.map((e) => reader.text(e.record, field)).find((v) => v !== undefined);
  const common = commonFields(reader, latest, ctx, fallback);
  const openedColumn = newestFirst.map((e) => reader.epoch(e.record, "opened")).find((v) => v !== undefined);
  const opened = openedColumn ?? events[0]!.at;
  const isDone = (state: string) => states.resolved.includes(state) || states.closed.includes(state);
  const responded = events.find((e) => !states.initial.includes(e.state))?.at;
  const pauses: Pause[] = [];
  let waiting: { from: number; reason: Pause["reason"]; state: string } | undefined;
  let resolved: number | undefined;
  let closed: number | undefined;
  for (const event of events) {
    if (waiting && event.state !== waiting.state) {
      pauses.push({ from: String(waiting.from), to: String(event.at), reason: waiting.reason });
      waiting = undefined;
    }
    const reason = states.waiting[event.state];
    if (reason && !waiting) waiting = { from: event.at, reason, state: event.state };
    if (isDone(event.state)) {
      if (resolved === undefined && states.resolved.includes(event.state)) resolved = event.at;
      if (closed === undefined && states.closed.includes(event.state)) closed = event.at;
    } else {
      resolved = undefined; // reopened: the earlier resolution does not count
      closed = undefined;
    }
  }
  if (waiting) pauses.push({ from: String(waiting.from), reason: waiting.reason });
  if (closed !== undefined && resolved === undefined) resolved = closed;
  const firstResponse = responded !== undefined && responded <= (resolved ?? Infinity) ? responded : resolved;
  return {
    externalId: reader.text(latest, "external_id")!,
    opened,
    row: events[0]!.record.row,
    build: (zone) =>
      clean({
        external_id: reader.text(latest, "external_id")!,
        ...common,
        opened: formatZoned(opened, zone),
        responded: firstResponse === undefined ? undefined : formatZoned(firstResponse, zone),
        resolved: resolved === undefined ? undefined : formatZoned(resolved, zone),
        closed: closed === undefined ? undefined : formatZoned(closed, zone),
        pauses: pauses.map((p) => ({ from: formatZoned(Number(p.from), zone), ...(p.to ? { to: formatZoned(Number(p.to), zone) } : {}), reason: p.reason })),
        status: statusFrom({ responded: firstResponse, resolved, closed }),
      }),
  };
}

function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

/**
 * Incidents from CSV records. `zone` is the project's zone, in which timestamps are written.
 * `onProgress` is told how many records were read, for a progress bar.
 */
export function importIncidents(header: string[], records: CsvRecord[], mapping: ImportMapping, ctx: ImportContext, zone: string, onProgress?: (done: number, total: number) => void): ImportResult | string {
  const reader = new RowReader(header, mapping);
  const missing = reader.missingColumns();
  if (missing.length) return `the CSV has no column for ${missing.join(", ")}; its columns are: ${header.join(", ")}`;
  const required: ImportField[] = mapping.eventLog ? ["external_id", "title", "priority", "state", "at"] : ["external_id", "title", "priority", "opened"];
  const unmapped = required.filter((field) => !mapping.columns[field]);
  if (unmapped.length) return `map a column to ${unmapped.join(", ")} (--map field=Column or columns: in the mapping file)`;

  const errors: RowError[] = [];
  const skipped = new Set<string>();
  const drafts: Draft[] = [];
  const groups = new Map<string, CsvRecord[]>();
  const firstRow = new Map<string, number>();
  records.forEach((record, i) => {
    if (i % 1000 === 0) onProgress?.(i, records.length);
    const externalId = reader.text(record, "external_id");
    if (externalId === undefined) return void errors.push({ row: record.row, message: "external_id is empty" });
    if (ctx.existingExternalIds.has(externalId)) return void skipped.add(externalId);
    if (mapping.eventLog) {
      let list = groups.get(externalId);
      if (!list) groups.set(externalId, (list = []));
      list.push(record);
      return;
    }
    if (firstRow.has(externalId)) return void errors.push({ row: record.row, message: `external_id ${externalId} appears again (first in row ${firstRow.get(externalId)}); use --event-log for one row per state change` });
    firstRow.set(externalId, record.row);
    try {
      drafts.push(fromRow(reader, record, ctx, zone));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      errors.push({ row: record.row, message: error.message });
    }
  });
  for (const [externalId, list] of groups) {
    try {
      drafts.push(fromEvents(reader, list, mapping.eventLog!, ctx));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      const row = /^row (\d+): /.exec(error.message);
      errors.push({ row: row ? Number(row[1]) : list[0]!.row, message: `${externalId}: ${error.message.replace(/^row \d+: /, "")}` });
    }
  }
  onProgress?.(records.length, records.length);
  drafts.sort((a, b) => a.opened - b.opened || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
  const ids = nextIncidentIds(ctx.existingIds, drafts.length);
  const incidents = drafts.map((draft, i) => {
    const { external_id, ...rest } = draft.build(zone);
    return { id: ids[i]!, external_id, ...rest } as Incident;
  });
  return { incidents, errors: errors.sort((a, b) => a.row - b.row), skipped: [...skipped].sort() };
}
