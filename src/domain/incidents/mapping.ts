// The mapping of a service-desk export to incidents, and the checks that every key of it is used.
import type { IncidentStatus, Pause, Priority } from "../../model/files.js";
import type { StatePattern } from "./state-pattern.js";

export const IMPORT_FIELDS = [
  "external_id",
  "title",
  "priority",
  "components",
  "department",
  "opened",
  "responded",
  "resolved",
  "closed",
  "cause",
  "root_cause",
  "status",
  "resolution",
  "updated",
  "actions",
  "state",
  "at",
  "order_by",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const VALUE_FIELDS = ["priority", "department", "components", "cause", "status"] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** Fields only an event log has, and fields an event log derives from its states instead of reading them. */
const EVENT_LOG_ONLY: readonly ImportField[] = ["state", "at", "order_by"];
const DERIVED_IN_EVENT_LOG: Partial<Record<ImportField, string>> = {
  responded: "the first response is the first move out of an initial state",
  resolved: "resolution comes from the resolved states",
  closed: "closing comes from the closed states",
  status: "the status follows from the times",
  resolution: "resolution comes from the resolved states",
  updated: "the last update is the latest row",
};

export interface EventLogStates {
  initial: StatePattern[];
  waiting: { pattern: StatePattern; reason: Pause["reason"] }[];
  resolved: StatePattern[];
  closed: StatePattern[];
}

export interface ImportMapping {
  /** Incident field -> CSV column name. */
  columns: Partial<Record<ImportField, string>>;
  /** Title when the export has none (or it is empty): CSV column names in braces, e.g. "{number}: {category}". */
  titleTemplate?: string;
  dateFormat?: string;
  /** Zone of timestamps without an offset. */
  timezone: string;
  /** Values that mean empty, such as "?". */
  empty: string[];
  eventLog?: EventLogStates;
  /** Per field, export value -> project value (Maps: a value such as "constructor" finds nothing). */
  values: Partial<Record<ValueField, Map<string, string>>>;
  /** Which values of the status column mean which status (globs, as event-log states); checked closed, resolved, responded, open. */
  statuses?: Partial<Record<IncidentStatus, StatePattern[]>>;
  /** The priority of incidents whose priority is not mapped, named by the user (--unknown-priority); without it, such values stop the import. */
  unknownPriority?: Priority;
  /** A preset's optional columns that the export does not have (not read; the import says so). */
  absentColumns?: { field: string; column: string }[];
}

/** Columns a title template names. */
export function templateColumns(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
}

/** Why the mapping is wrong for its shape: keys that would be silently ignored, required fields missing. */
export function mappingProblems(mapping: ImportMapping): string[] {
  const problems: string[] = [];
  const mapped = (field: ImportField) => mapping.columns[field] !== undefined;
  if (mapping.eventLog) {
    for (const [field, why] of Object.entries(DERIVED_IN_EVENT_LOG)) if (mapped(field as ImportField)) problems.push(`\`${field}\` is not used for event logs: ${why} (remove it from the mapping)`);
    if (mapping.values.status) problems.push("`values.status` is not used for event logs: the status follows from the times");
    if (mapping.statuses) problems.push("`status:` is not used for event logs: the status follows from the states (event_log:)");
    if (mapping.eventLog.resolved.length + mapping.eventLog.closed.length === 0)
      problems.push("an event log needs its resolved or closed states (--resolved-state, --closed-state or event_log: in the mapping file)");
    const required: ImportField[] = ["external_id", "priority", "state", "at"];
    const unmapped = required.filter((f) => !mapped(f));
    if (unmapped.length) problems.push(`map a column to ${unmapped.join(", ")} (--map field=Column or columns: in the mapping file)`);
  } else {
    for (const field of EVENT_LOG_ONLY) if (mapped(field)) problems.push(`\`${field}\` is used only for event logs (one row per state change: --event-log or event_log: in the mapping file)`);
    const required: ImportField[] = ["external_id", "priority", "opened"];
    const unmapped = required.filter((f) => !mapped(f));
    if (unmapped.length) problems.push(`map a column to ${unmapped.join(", ")} (--map field=Column or columns: in the mapping file)`);
  }
  for (const field of VALUE_FIELDS) {
    if (mapping.values[field] && !mapped(field) && !(field === "status" && mapping.eventLog)) problems.push(`\`values.${field}\` is not used: no column is mapped to \`${field}\``);
  }
  if (mapping.statuses && !mapping.eventLog && !mapped("status")) problems.push("`status:` is not used: no column is mapped to `status`");
  return problems;
}
