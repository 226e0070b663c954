// The column mapping of `tam incident import`: a YAML mapping file and/or flags (flags win).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { UsageError } from "../errors.js";
import { IMPORT_FIELDS, type EventLogStates, type ImportField, type ImportMapping } from "../domain/incidents/import.js";
import type { Pause } from "../model/files.js";

export interface MappingFlags {
  map?: string[];
  mapping?: string;
  dateFormat?: string;
  timezone?: string;
  empty?: string[];
  eventLog?: boolean;
  initialState?: string[];
  waitingState?: string[];
  resolvedState?: string[];
  closedState?: string[];
}

interface MappingFile {
  columns?: Record<string, string>;
  date_format?: string;
  timezone?: string;
  empty?: string[];
  event_log?: { initial?: string[]; waiting?: Record<string, string> | string[]; resolved?: string[]; closed?: string[] };
  values?: Record<string, Record<string, string>>;
}

const REASONS = ["client", "vendor", "other"];
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)]);

function field(name: string, where: string): ImportField {
  if (!(IMPORT_FIELDS as readonly string[]).includes(name)) throw new UsageError(`${where}: "${name}" is not an importable field (${IMPORT_FIELDS.join(", ")})`);
  return name as ImportField;
}

function waitingOf(entries: [string, string][], where: string): Record<string, Pause["reason"]> {
  const out: Record<string, Pause["reason"]> = {};
  for (const [state, reason] of entries) {
    if (!REASONS.includes(reason)) throw new UsageError(`${where}: pause reason "${reason}" of state "${state}" must be client, vendor or other`);
    out[state] = reason as Pause["reason"];
  }
  return out;
}

export function loadMapping(flags: MappingFlags, projectZone: string): ImportMapping {
  let file: MappingFile = {};
  if (flags.mapping) {
    try {
      file = (parse(readFileSync(flags.mapping, "utf8")) ?? {}) as MappingFile;
    } catch (error) {
      throw new UsageError(`--mapping ${flags.mapping}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  const columns: ImportMapping["columns"] = {};
  for (const [name, column] of Object.entries(file.columns ?? {})) columns[field(name, flags.mapping!)] = String(column);
  for (const pair of flags.map ?? []) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`--map "${pair}": write field=Column, e.g. --map title="Short description"`);
    columns[field(pair.slice(0, at).trim(), "--map")] = pair.slice(at + 1).trim();
  }
  const log = file.event_log;
  let eventLog: EventLogStates | undefined;
  if (flags.eventLog || log) {
    const fileWaiting = Array.isArray(log?.waiting) ? log.waiting.map((s) => [String(s), "client"] as [string, string]) : Object.entries(log?.waiting ?? {}).map(([k, v]) => [k, String(v)] as [string, string]);
    const flagWaiting = (flags.waitingState ?? []).map((s) => (s.includes("=") ? ([s.slice(0, s.lastIndexOf("=")), s.slice(s.lastIndexOf("=") + 1)] as [string, string]) : ([s, "client"] as [string, string])));
    eventLog = {
      initial: [...asList(log?.initial), ...(flags.initialState ?? [])],
      waiting: { ...waitingOf(fileWaiting, flags.mapping ?? "mapping"), ...waitingOf(flagWaiting, "--waiting-state") },
      resolved: [...asList(log?.resolved), ...(flags.resolvedState ?? [])],
      closed: [...asList(log?.closed), ...(flags.closedState ?? [])],
    };
    if (eventLog.resolved.length + eventLog.closed.length === 0) throw new UsageError("an event log needs its resolved or closed states (--resolved-state, --closed-state or event_log: in the mapping file)");
  }
  return {
    columns,
    dateFormat: flags.dateFormat ?? file.date_format,
    timezone: flags.timezone ?? file.timezone ?? projectZone,
    empty: [...asList(file.empty), ...(flags.empty ?? [])],
    eventLog,
    values: (file.values ?? {}) as ImportMapping["values"],
  };
}
