// Service-desk exports to incidents. Two shapes: one row per incident, or an event log with one row
// per state change (the rows of one incident become one incident, by the rules of event-log.ts).
// Pure: a parsed CSV and a mapping in; new incidents, updates of incidents already imported
// (matched by external_id), row errors and anomalies out. Messages name CSV lines, not record numbers.
import type { CsvRecord, CsvTable } from "../csv.js";
import type { CauseCategory, Incident, IncidentEvent, IncidentStatus, Pause, Priority } from "../../model/files.js";
import { formatZoned } from "../zoned-timestamp.js";
import type { Anomaly, NoteAnomaly } from "./anomaly.js";
import { checkDates, type EachDateCell } from "./date-check.js";
import { clampToOpened, orderEvents, timelineOf, type LogEvent, type Timeline } from "./event-log.js";
import { mappingProblems, templateColumns, type ImportField, type ImportMapping } from "./mapping.js";
import { nextIncidentIds } from "./record.js";
import { planReimport, type IncidentUpdate } from "./reimport.js";
import { priorityOf, RowProblem, RowReader } from "./row-reader.js";
import type { StatePattern } from "./state-pattern.js";

export type { ImportMapping } from "./mapping.js";

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
  /**
   * A row whose status says resolved or closed without a resolution time: take its last update as the
   * resolution, marked estimated (the default), or skip it. Never an open incident.
   */
  closedWithoutResolution?: "estimate" | "skip";
}

/** How `--closed-without-resolution` may be set. */
export const CLOSED_WITHOUT_RESOLUTION = ["estimate", "skip"] as const;

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
  /**
   * Where the mapping does not fit the export as a whole (its date format, priority or status values it
   * does not map): nothing is imported, whatever --skip-invalid says.
   */
  gaps: string[];
  /** What the reader should know about the import: assumptions, what cannot be measured, columns not read. */
  notes: string[];
  /** External ids of the incidents whose resolution (or closing) time was estimated from their last update. */
  estimated: string[];
}

/** Values of a mapped column that the mapping does not know, with how often and where each occurs. */
type Unknown = Map<string, { count: number; line: number }>;
const tally = (unknown: Unknown, value: string, line: number) => {
  const seen = unknown.get(value);
  if (seen) seen.count++;
  else unknown.set(value, { count: 1, line });
};

interface Draft {
  externalId: string;
  opened: number;
  line: number;
  incident: Omit<Incident, "id">;
  /** Left out by the user's choice (--closed-without-resolution skip). */
  skip?: boolean;
}

/** What the drafts found out about the mapping as a whole. */
interface Findings {
  priorities: Unknown;
  statuses: Unknown;
}

/** A title in one line: line breaks in a cell (and the blanks around them) become one space. */
const oneLine = (text: string) => text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, " ").trim();

/**
 * Title, priority, department, components, cause, actions from `rows`, newest first: each from the newest row
 * that has it (one row in the one-row-per-incident shape). Unknown values are anomalies, not errors.
 */
function commonFields(reader: RowReader, externalId: string, rows: CsvRecord[], ctx: ImportContext, note: NoteAnomaly, found: Findings) {
  const latest = rows[0]!;
  const first = (field: ImportField) => {
    for (const row of rows) {
      const value = reader.text(row, field);
      if (value !== undefined) return { value, line: row.line };
    }
    return undefined;
  };
  const titleCell = first("title")?.value;
  const title = (titleCell === undefined ? undefined : oneLine(titleCell)) || reader.title(latest, externalId);
  let priority: Priority | undefined;
  const priorities = rows.map((row) => ({ row, raw: reader.mapped("priority", reader.text(row, "priority")) })).filter((p) => p.raw !== undefined);
  const latestPriority = priorities[0];
  if (latestPriority) priority = priorityOf(latestPriority.raw!);
  if (priority === undefined) {
    // A value the mapping does not know is a gap in the mapping: it stops the import unless the user named a default.
    const line = latestPriority?.row.line ?? latest.line;
    tally(found.priorities, latestPriority ? latestPriority.raw! : "", line);
    const earlier = priorities.map((p) => priorityOf(p.raw!)).find((p) => p !== undefined);
    const fallback = reader.mapping.unknownPriority;
    priority = earlier ?? fallback ?? "P4";
    const what = latestPriority ? `priority "${latestPriority.raw}" is not P1-P4 (map it: values.priority)` : "priority is empty";
    note("unknown-priority", line, `${what}: imported as ${priority}${earlier ? " (the latest known priority)" : " (--unknown-priority)"}`);
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
    title: title!,
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
  const history: IncidentEvent[] = (t.reopenings ?? []).flatMap((r) => [
    { at: ts(r.resolved)!, status: "resolved" as const },
    { at: ts(r.reopened)!, status: "reopened" as const, note: `back to "${r.state}"` },
  ]);
  return clean({ opened: ts(opened)!, responded: ts(t.responded), resolved: ts(t.resolved), closed: ts(t.closed), pauses, history });
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

/** The status a row's status (and resolution) cells say; null when the mapping does not know the value (tallied). */
function statusOf(reader: RowReader, record: CsvRecord, found: Findings): IncidentStatus | undefined | null {
  const cell = reader.text(record, "status");
  let status: IncidentStatus | undefined;
  if (cell !== undefined) {
    const value = reader.mapped("status", cell)!;
    if (STATUSES.includes(value as IncidentStatus)) status = value as IncidentStatus;
    else {
      const globs = reader.mapping.statuses ?? {};
      status = (["closed", "resolved", "responded", "open"] as const).find((s) => globs[s]?.some((p) => p.test(value)));
      if (status === undefined) {
        tally(found.statuses, cell, record.line);
        return null;
      }
    }
  }
  // Jira: a resolution ("Done", "Fixed", ...) means resolved, whatever the workflow calls the status.
  const resolution = reader.text(record, "resolution");
  if (resolution !== undefined && !/^unresolved$/i.test(resolution) && (status === undefined || status === "open" || status === "responded")) status = "resolved";
  return status;
}

function fromRow(reader: RowReader, externalId: string, record: CsvRecord, ctx: ImportContext, zone: string, note: NoteAnomaly, found: Findings, options: ImportOptions): Draft | null {
  const show = (e: number) => formatZoned(e, zone);
  const common = commonFields(reader, externalId, [record], ctx, note, found);
  const statusText = statusOf(reader, record, found);
  if (statusText === null) return null;
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
  const status = statusText ?? statusFrom(times);
  const estimated: ("resolved" | "closed")[] = [];
  if ((status === "resolved" || status === "closed") && times.resolved === undefined) {
    // The export says it is over but not when: never an open incident (issue 34).
    const said = reader.text(record, "status") ?? reader.text(record, "resolution") ?? status;
    if (options.closedWithoutResolution === "skip") {
      note("closed-without-resolution", record.line, `status "${said}" without a resolution time: skipped (--closed-without-resolution skip)`);
      return { externalId, opened, line: record.line, incident: { external_id: externalId, ...common, opened: show(opened), status }, skip: true };
    }
    const updated = reader.epoch(record, "updated");
    if (updated === undefined)
      throw new RowProblem(
        `status "${said}" without a resolution time, and no last-update time to estimate it from (map \`updated\` to the export's last-update column, or pass --closed-without-resolution skip)`,
        record.line,
      );
    const at = Math.max(updated, opened);
    times.resolved = at;
    estimated.push("resolved");
    if (status === "closed" && times.closed === undefined) {
      times.closed = at;
      estimated.push("closed");
    }
    if (times.responded !== undefined && times.responded > at) times.responded = at;
    note("closed-without-resolution", record.line, `status "${said}" without a resolution time: resolved at the last update (${show(at)}), marked estimated`);
  }
  if (status === "closed" && times.closed === undefined && times.resolved !== undefined) {
    // A closed incident whose export has no closing time: closed at the resolution (as an event log does).
    times.closed = times.resolved;
  }
  const unrecorded = reader.mapping.columns.responded === undefined && times.responded === undefined ? { unrecorded: ["responded" as const] } : {};
  // The times a status needs (as validation checks them): say so at the row instead of failing on the written file.
  const needs: Record<IncidentStatus, ("responded" | "resolved" | "closed")[]> = { open: [], responded: ["responded"], resolved: ["resolved"], closed: ["resolved", "closed"] };
  const lacking = needs[status].filter((key) => times[key] === undefined);
  if (lacking.length) throw new RowProblem(`status "${status}" needs a ${lacking.join(" and a ")} time, and the row has none`, record.line);
  return {
    externalId,
    opened,
    line: record.line,
    incident: clean({ external_id: externalId, ...common, ...written(opened, times, zone), ...(estimated.length ? { estimated } : {}), ...unrecorded, status }) as Omit<Incident, "id">,
  };
}

function fromEvents(reader: RowReader, externalId: string, records: CsvRecord[], ctx: ImportContext, zone: string, note: NoteAnomaly, found: Findings): Draft {
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
  const common = commonFields(reader, externalId, newestFirst, ctx, note, found);
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
  const notes: string[] = [];
  const empty = (): ImportResult => ({ added: [], updated: [], unchanged: [], skipped: [], errors: [], anomalies: [], warnings: [], gaps: [], notes, estimated: [] });

  // The date format of the whole file first: a mismatch is not a matter of rows (issue 33).
  const mappedDates = DATE_FIELDS.filter((field) => mapping.columns[field] !== undefined);
  const eachDate: EachDateCell = (visit) => {
    for (const record of records) {
      if (badLines.has(record.line)) continue;
      for (const field of mappedDates) {
        const text = reader.text(record, field);
        if (text !== undefined) visit(record.line, field, text);
      }
    }
  };
  const dates = checkDates(eachDate, mapping.dateFormat);
  if (dates.mismatch) return { ...empty(), gaps: [dates.mismatch] };
  if (dates.assumed) notes.push(dates.assumed);
  if (!mapping.eventLog && mapping.columns.responded === undefined)
    notes.push(
      "no column is mapped to `responded`: response times cannot be measured; the SLA report shows them as unknown, not breached (map the export's first-response column with --map responded=Column)",
    );
  if (mapping.absentColumns?.length)
    notes.push(
      `the export has no ${mapping.absentColumns.map((a) => `"${a.column}" (${a.field})`).join(", ")} column: ${mapping.absentColumns.some((a) => a.field === "status") ? "the status follows from the times, so a ticket closed without a resolution time would stay open; " : ""}add the column to the export to read it`,
    );
  const used = new Set([...Object.values(mapping.columns), ...templateColumns(mapping.titleTemplate ?? "")]);
  const unused = [...new Set(header)].filter((column) => column !== "" && !used.has(column));
  if (unused.length) notes.push(`columns not imported: ${unused.join(", ")}`);
  const found: Findings = { priorities: new Map(), statuses: new Map() };
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
      if (mapping.eventLog) drafts.push(fromEvents(reader, externalId, list, ctx, zone, note, found));
      else {
        if (list.length > 1) throw new RowProblem(`external_id ${externalId} appears again (first on line ${list[0]!.line}); use --event-log for one row per state change`, list[1]!.line);
        const draft = fromRow(reader, externalId, list[0]!, ctx, zone, note, found, options);
        if (draft) drafts.push(draft);
      }
      anomalies.push(...noted);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      errors.push({ line: error.line, externalId, message: error.message });
    }
  }
  onProgress?.(records.length, records.length);

  const gaps: string[] = [];
  if (found.priorities.size && mapping.unknownPriority === undefined) gaps.push(priorityGap(found.priorities));
  if (found.statuses.size) gaps.push(statusGap(found.statuses, mapping));
  if (gaps.length) return { ...empty(), gaps };

  const invalid = new Set([...errors.map((e) => e.externalId), ...anomalies.map((a) => a.externalId)].filter((id): id is string => id !== undefined));
  // An anomaly whose choice is to skip the row (--closed-without-resolution skip) is the user's decision: skipped without --skip-invalid.
  const chosen = new Set(drafts.filter((d) => d.skip).map((d) => d.externalId));
  const skipped = [...new Set([...(options.skipInvalid ? invalid : []), ...chosen])].sort();
  const kept = drafts.filter((d) => !chosen.has(d.externalId) && !(options.skipInvalid && invalid.has(d.externalId)));
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
  const estimated = kept
    .filter((d) => d.incident.estimated?.length)
    .map((d) => d.externalId)
    .sort();
  return {
    added,
    updated,
    unchanged: unchanged.sort(),
    skipped,
    errors: errors.sort(byLine),
    anomalies: anomalies.sort(byLine),
    warnings: unmatchedPatterns(reader, records),
    gaps: [],
    notes,
    estimated,
  };
}

const DATE_FIELDS: ImportField[] = ["opened", "responded", "resolved", "closed", "at", "updated"];

const rowCount = (n: number) => `${n} row${n === 1 ? "" : "s"}`;
/** A YAML key as the user would type it (quoted when YAML would read it otherwise). */
const yamlKey = (value: string) => (/^[A-Za-z][\w ./()-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value));
const listed = (unknown: Unknown, what: string) =>
  [...unknown]
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))
    .map(([value, { count, line }]) => `${value === "" ? `${what} empty` : `${what} "${value}"`} (${rowCount(count)}), first on line ${line}`)
    .join("; ");

function priorityGap(unknown: Unknown): string {
  const values = [...unknown.keys()].filter((v) => v !== "");
  const line = values.length ? ` add them to the mapping file: values: { priority: { ${values.map((v) => `${yamlKey(v)}: P?`).join(", ")} } } (P1..P4 each),` : "";
  return `the mapping gives no P1..P4 for these priorities: ${listed(unknown, "priority")}: the SLA target depends on it, so nothing is imported;${line ? `${line} or` : ""} name the priority of such incidents with --unknown-priority P1..P4`;
}

function statusGap(unknown: Unknown, mapping: ImportMapping): string {
  const values = [...unknown.keys()].map(yamlKey);
  const how = mapping.statuses
    ? `add each to the status lists of a copy of the mapping, e.g. status: { open: [${[...(mapping.statuses.open ?? []).map((p) => yamlKey(p.text)), ...values].join(", ")}] } (or resolved:, closed:)`
    : `map them in the mapping file: status: { open: [${values.join(", ")}] } (or resolved:, closed:; globs such as "Waiting*" work)`;
  return `the mapping does not say what these statuses mean: ${listed(unknown, "status")}: whether an incident is over depends on it, so nothing is imported; ${how}`;
}
