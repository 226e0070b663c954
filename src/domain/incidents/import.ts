// Service-desk exports to incidents. Two shapes: one row per incident, or an event log with one row
// per state change (the rows of one incident become one incident, by the rules of event-log.ts).
// Pure: a parsed CSV and a mapping in; new incidents, updates of incidents already imported
// (matched by external_id), row errors and anomalies out. Messages name CSV lines, not record numbers.
import type { CsvRecord, CsvTable } from "../csv.js";
import type { CauseCategory, Incident, IncidentStatus, Pause, Priority } from "../../model/files.js";
import { formatZoned } from "../zoned-timestamp.js";
import type { Anomaly, NoteAnomaly } from "./anomaly.js";
import { clampToOpened, orderEvents, timelineOf, type LogEvent, type Timeline } from "./event-log.js";
import { mappingProblems, type ImportField, type ImportMapping } from "./mapping.js";
import { nextIncidentIds } from "./record.js";
import { planReimport, type IncidentUpdate } from "./reimport.js";
import { priorityOf, RowProblem, RowReader } from "./row-reader.js";
import type { StatePattern } from "./state-pattern.js";

export { IMPORT_FIELDS, type ImportField, type ImportMapping, type EventLogStates } from "./mapping.js";
export type { Anomaly, AnomalyKind } from "./anomaly.js";

const CAUSES: CauseCategory[] = ["hardware", "software", "network", "configuration", "capacity", "human-error", "vendor", "security", "external", "unknown"];
const STATUSES: IncidentStatus[] = ["open", "responded", "resolved", "closed"];

export interface ImportContext {
  existingIds: string[];
  /** Incidents already in the project, by external id: a later export updates them. */
  existing: Map<string, Incident>;
  departments: Set<string>;
  components: Set<string>;
}

export interface ImportOptions {
  /** Skip the incidents with unreadable rows or anomalies and import the rest. */
  skipInvalid?: boolean;
}

export interface RowError {
  line: number;
  externalId?: string;
  message: string;
}

export interface ImportResult {
  added: Incident[];
  updated: IncidentUpdate[];
  /** External ids of incidents already in the project that the export does not change. */
  unchanged: string[];
  /** External ids skipped (--skip-invalid) because of an error or an anomaly. */
  skipped: string[];
  errors: RowError[];
  anomalies: Anomaly[];
  /** About the mapping: state patterns matching nothing. */
  warnings: string[];
}

interface Draft {
  externalId: string;
  opened: number;
  line: number;
  incident: Omit<Incident, "id">;
}

/**
 * Title, priority, department, components, cause, actions from `rows`, newest first: each from the newest row
 * that has it (one row in the one-row-per-incident shape). Unknown values are anomalies, not errors.
 */
function commonFields(reader: RowReader, externalId: string, rows: CsvRecord[], ctx: ImportContext, note: NoteAnomaly) {
  const latest = rows[0]!;
  const first = (field: ImportField) => {
    for (const row of rows) {
      const value = reader.text(row, field);
      if (value !== undefined) return { value, line: row.line };
    }
    return undefined;
  };
  const title = first("title")?.value ?? reader.title(latest, externalId);
  let priority: Priority | undefined;
  const priorities = rows.map((row) => ({ row, raw: reader.mapped("priority", reader.text(row, "priority")) })).filter((p) => p.raw !== undefined);
  const latestPriority = priorities[0];
  if (latestPriority) priority = priorityOf(latestPriority.raw!);
  if (priority === undefined) {
    const earlier = priorities.map((p) => priorityOf(p.raw!)).find((p) => p !== undefined);
    priority = earlier ?? "P4";
    const line = latestPriority?.row.line ?? latest.line;
    const what = latestPriority ? `priority "${latestPriority.raw}" is not P1-P4 (map it: values.priority)` : "priority is empty";
    note("unknown-priority", line, `${what}: imported as ${priority}${earlier ? " (the latest known priority)" : " (the lowest)"}`);
  }
  const departmentCell = first("department");
  let department = reader.mapped("department", departmentCell?.value);
  if (department !== undefined && !ctx.departments.has(department)) {
    note("unknown-department", departmentCell!.line, `department "${department}" is not a department id (map it: values.department): left out`);
    department = undefined;
  }
  const componentsCell = first("components");
  const components: string[] = [];
  for (const raw of (componentsCell?.value ?? "").split(/[,;]\s*|\s+/).filter(Boolean)) {
    const component = reader.mapped("components", raw)!;
    if (ctx.components.has(component)) components.push(component);
    else note("unknown-component", componentsCell!.line, `component "${component}" is not a component id (map it: values.components): left out`);
  }
  const causeCell = first("cause");
  const causeText = reader.mapped("cause", causeCell?.value);
  let cause = causeText?.toLowerCase() as CauseCategory | undefined;
  if (cause !== undefined && !CAUSES.includes(cause)) {
    note("unknown-cause", causeCell!.line, `cause "${causeText}" is not one of ${CAUSES.join(", ")} (map it: values.cause): left out`);
    cause = undefined;
  }
  const rootCause = first("root_cause")?.value;
  const actions = first("actions")?.value;
  return {
    title,
    priority,
    ...(components.length ? { components: [...new Set(components)] } : {}),
    ...(department ? { department } : {}),
    ...(cause ? { cause: { category: cause, ...(rootCause ? { root_cause: rootCause } : {}) } } : {}),
    ...(actions ? { actions } : {}),
  };
}

function statusFrom(times: { responded?: number; resolved?: number; closed?: number }): IncidentStatus {
  return times.closed !== undefined ? "closed" : times.resolved !== undefined ? "resolved" : times.responded !== undefined ? "responded" : "open";
}

function written(opened: number, t: Timeline, zone: string) {
  const ts = (epoch: number | undefined) => (epoch === undefined ? undefined : formatZoned(epoch, zone));
  const pauses: Pause[] = t.pauses.map((p) => ({ from: ts(p.from)!, ...(p.to !== undefined ? { to: ts(p.to)! } : {}), reason: p.reason }));
  return clean({ opened: ts(opened)!, responded: ts(t.responded), resolved: ts(t.resolved), closed: ts(t.closed), pauses });
}

/** Responses after the resolution, closings before it: made consistent, the latter noted. */
function consistent(t: Timeline, line: number, note: NoteAnomaly, show: (e: number) => string): Timeline {
  const out = { ...t };
  if (out.closed !== undefined && out.resolved === undefined) out.resolved = out.closed;
  if (out.responded !== undefined && out.resolved !== undefined && out.responded > out.resolved) out.responded = out.resolved;
  if (out.closed !== undefined && out.resolved !== undefined && out.closed < out.resolved) {
    note("closed-before-resolved", line, `closed at ${show(out.closed)}, before the resolution (${show(out.resolved)}): closed at the resolution`);
    out.closed = out.resolved;
  }
  return out;
}

function fromRow(reader: RowReader, externalId: string, record: CsvRecord, ctx: ImportContext, zone: string, note: NoteAnomaly): Draft {
  const show = (e: number) => formatZoned(e, zone);
  const common = commonFields(reader, externalId, [record], ctx, note);
  const statusText = reader.mapped("status", reader.text(record, "status"));
  if (statusText !== undefined && !STATUSES.includes(statusText as IncidentStatus))
    throw new RowProblem(`status "${statusText}" is not one of ${STATUSES.join(", ")} (map it: values.status)`, record.line);
  const raw: Timeline = { responded: reader.epoch(record, "responded"), resolved: reader.epoch(record, "resolved"), closed: reader.epoch(record, "closed"), pauses: [] };
  let opened = reader.epoch(record, "opened");
  if (opened === undefined) {
    const earliest = [raw.responded, raw.resolved, raw.closed].filter((t): t is number => t !== undefined).sort((a, b) => a - b)[0];
    if (earliest === undefined) throw new RowProblem("opened is empty, and the row has no other time", record.line);
    note("no-opened", record.line, `opened is empty: opened at the earliest time of the row (${show(earliest)})`);
    opened = earliest;
  }
  for (const key of ["responded", "resolved", "closed"] as const) {
    const at = raw[key];
    if (at === undefined || at >= opened) continue;
    note(key === "responded" ? "event-before-opened" : "resolved-before-opened", record.line, `${key} ${show(at)} is before the opening (${show(opened)}): set to the opening`);
    raw[key] = opened;
  }
  const times = consistent(raw, record.line, note, show);
  const status = (statusText as IncidentStatus | undefined) ?? statusFrom(times);
  // The times a status needs (as validation checks them): say so at the row instead of failing on the written file.
  const needs: Record<IncidentStatus, ("responded" | "resolved" | "closed")[]> = { open: [], responded: ["responded"], resolved: ["resolved"], closed: ["resolved", "closed"] };
  const lacking = needs[status].filter((key) => times[key] === undefined);
  if (lacking.length) throw new RowProblem(`status "${status}" needs a ${lacking.join(" and a ")} time, and the row has none`, record.line);
  return { externalId, opened, line: record.line, incident: clean({ external_id: externalId, ...common, ...written(opened, times, zone), status }) as Omit<Incident, "id"> };
}

function fromEvents(reader: RowReader, externalId: string, records: CsvRecord[], ctx: ImportContext, zone: string, note: NoteAnomaly): Draft {
  const show = (e: number) => formatZoned(e, zone);
  const states = reader.mapping.eventLog!;
  const hasOrder = reader.mapping.columns.order_by !== undefined;
  const events: LogEvent[] = records.map((record, index) => {
    const at = reader.epoch(record, "at");
    const state = reader.text(record, "state");
    if (at === undefined) throw new RowProblem("the event time (at) is empty", record.line);
    if (state === undefined) throw new RowProblem("the state is empty", record.line);
    let seq: number | undefined;
    if (hasOrder) {
      const text = reader.text(record, "order_by");
      seq = text === undefined ? Number.NaN : Number(text);
      if (!Number.isFinite(seq)) throw new RowProblem(`order_by "${text ?? ""}" is not a number`, record.line);
    }
    return { line: record.line, index, at, state, ...(seq !== undefined ? { seq } : {}) };
  });
  const ordered = orderEvents(events);
  const newestFirst = [...ordered].reverse().map((e) => records[e.index]!);
  const earliest = Math.min(...events.map((e) => e.at));
  let opened = earliest;
  if (reader.mapping.columns.opened !== undefined) {
    const withOpened = ordered.map((e) => ({ e, at: reader.epoch(records[e.index]!, "opened") })).find((x) => x.at !== undefined);
    if (withOpened) opened = withOpened.at!;
    else note("no-opened", ordered[0]!.line, `no row has an opened time: opened at the earliest event (${show(earliest)})`);
  }
  const clamped = clampToOpened(ordered, opened, note, show);
  const times = consistent(timelineOf(clamped, states, opened), ordered[ordered.length - 1]!.line, note, show);
  const common = commonFields(reader, externalId, newestFirst, ctx, note);
  return { externalId, opened, line: ordered[0]!.line, incident: clean({ external_id: externalId, ...common, ...written(opened, times, zone), status: statusFrom(times) }) as Omit<Incident, "id"> };
}

function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

/**
 * State patterns that match no state of the file: warnings naming the states that occur. A preset's
 * patterns are checked per kind (initial, waiting, ...): only a kind none of whose patterns match is named.
 */
function unmatchedPatterns(reader: RowReader, records: CsvRecord[]): string[] {
  const states = reader.mapping.eventLog;
  if (!states) return [];
  const values = [...new Set(records.map((r) => reader.text(r, "state")).filter((s): s is string => s !== undefined))].sort();
  const occurring = `its states are: ${values.join(", ") || "(none)"}`;
  const kinds: [string, StatePattern[]][] = [
    ["initial", states.initial],
    ["waiting", states.waiting.map((w) => w.pattern)],
    ["resolved", states.resolved],
    ["closed", states.closed],
  ];
  const warnings: string[] = [];
  for (const [kind, patterns] of kinds) {
    const unmatched = patterns.filter((p) => !values.some((v) => p.test(v)));
    const own = unmatched.filter((p) => !p.preset);
    for (const p of own) warnings.push(`${kind} state pattern "${p.text}" matches no state in the file; ${occurring}`);
    const preset = patterns.filter((p) => p.preset);
    if (preset.length && preset.every((p) => unmatched.includes(p))) warnings.push(`the preset's ${kind} states (${preset.map((p) => p.text).join(", ")}) match no state in the file; ${occurring}`);
  }
  return warnings;
}

/**
 * Incidents from a parsed CSV. `zone` is the project's zone, in which timestamps are written.
 * Returns a string when the mapping does not fit the file at all (nothing can be imported).
 * `onProgress` is told how many records were read, for a progress bar.
 */
export function importIncidents(
  table: CsvTable,
  mapping: ImportMapping,
  ctx: ImportContext,
  zone: string,
  options: ImportOptions = {},
  onProgress?: (done: number, total: number) => void,
): ImportResult | string {
  const problems = mappingProblems(mapping);
  if (problems.length) return problems.join("; ");
  const { header, records } = table;
  const reader = new RowReader(header, mapping);
  const missing = reader.missingColumns();
  if (missing.length) {
    const separated = header.length === 1 && /[;\t]/.test(header[0]!) ? " (the header looks separated by semicolons or tabs: save the export as comma-separated CSV)" : "";
    return `the CSV has no column for ${missing.join(", ")}; its columns are: ${header.join(", ")}${separated}`;
  }

  const errors: RowError[] = [];
  const anomalies: Anomaly[] = [];
  const badLines = new Map(table.errors.map((e) => [e.line, e.message]));
  const groups = new Map<string, CsvRecord[]>();
  records.forEach((record, i) => {
    if (i % 1000 === 0) onProgress?.(i, records.length);
    const externalId = reader.text(record, "external_id");
    const bad = badLines.get(record.line);
    if (bad !== undefined) return void errors.push({ line: record.line, ...(externalId ? { externalId } : {}), message: bad });
    if (externalId === undefined) return void errors.push({ line: record.line, message: "external_id is empty" });
    let list = groups.get(externalId);
    if (!list) groups.set(externalId, (list = []));
    list.push(record);
  });
  const recordLines = new Set(records.map((r) => r.line));
  for (const error of table.errors) if (!recordLines.has(error.line)) errors.push({ line: error.line, message: error.message });

  const drafts: Draft[] = [];
  for (const [externalId, list] of groups) {
    const noted: Anomaly[] = [];
    const note: NoteAnomaly = (kind, line, message) => noted.push({ kind, externalId, line, message });
    try {
      if (mapping.eventLog) drafts.push(fromEvents(reader, externalId, list, ctx, zone, note));
      else {
        if (list.length > 1) throw new RowProblem(`external_id ${externalId} appears again (first on line ${list[0]!.line}); use --event-log for one row per state change`, list[1]!.line);
        drafts.push(fromRow(reader, externalId, list[0]!, ctx, zone, note));
      }
      anomalies.push(...noted);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      errors.push({ line: error.line, externalId, message: error.message });
    }
  }
  onProgress?.(records.length, records.length);

  const invalid = new Set([...errors.map((e) => e.externalId), ...anomalies.map((a) => a.externalId)].filter((id): id is string => id !== undefined));
  const skipped = options.skipInvalid ? [...invalid].sort() : [];
  const kept = options.skipInvalid ? drafts.filter((d) => !invalid.has(d.externalId)) : drafts;
  const fresh = kept.filter((d) => !ctx.existing.has(d.externalId));
  fresh.sort((a, b) => a.opened - b.opened || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
  const ids = nextIncidentIds(ctx.existingIds, fresh.length);
  const added = fresh.map((draft, i) => {
    const { external_id, ...rest } = draft.incident;
    return { id: ids[i]!, external_id, ...rest } as Incident;
  });
  const updated: IncidentUpdate[] = [];
  const unchanged: string[] = [];
  for (const draft of kept) {
    const existing = ctx.existing.get(draft.externalId);
    if (!existing) continue;
    const update = planReimport(existing, draft.incident);
    if (update) updated.push(update);
    else unchanged.push(draft.externalId);
  }
  const byLine = <T extends { line: number }>(a: T, b: T) => a.line - b.line;
  return { added, updated, unchanged: unchanged.sort(), skipped, errors: errors.sort(byLine), anomalies: anomalies.sort(byLine), warnings: unmatchedPatterns(reader, records) };
}
