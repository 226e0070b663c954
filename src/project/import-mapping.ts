// The column mapping of `tam incident import`: a preset shipped in templates/import, or a YAML mapping
// file, and/or flags (flags win). Every key must be known and used: a typo or a key the shape ignores
// is an error, not silently dropped. YAML is read into Maps, so keys such as __proto__ are plain keys.
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { UsageError } from "../errors.js";
import { readCsvFile } from "./csv-input.js";
import { IMPORT_FIELDS, VALUE_FIELDS, type EventLogStates, type ImportField, type ImportMapping, type ValueField } from "../domain/incidents/mapping.js";
import { compileStatePattern, type StatePattern } from "../domain/incidents/state-pattern.js";
import { templateColumns } from "../domain/incidents/mapping.js";
import type { Pause, Priority } from "../model/files.js";
import { packageUrl } from "../version.js";

const IMPORT_TEMPLATE_DIR = fileURLToPath(packageUrl("templates/import/"));
/** Preset -> its mapping files, one per export shape; the first whose columns the CSV has is used. */
const PRESETS: Record<string, string[]> = {
  servicenow: ["servicenow-events.yaml", "servicenow-incidents.yaml"],
  "jira-sm": ["jira-sm.yaml"],
};

export interface MappingFlags {
  map?: string[];
  mapping?: string;
  preset?: string;
  titleTemplate?: string;
  dateFormat?: string;
  timezone?: string;
  empty?: string[];
  eventLog?: boolean;
  initialState?: string[];
  waitingState?: string[];
  resolvedState?: string[];
  closedState?: string[];
  /** The priority of incidents whose priority the mapping does not give (P1..P4). */
  unknownPriority?: string;
}

const FILE_KEYS = ["columns", "title_template", "date_format", "timezone", "empty", "event_log", "values", "status", "unknown_priority"];
const STATUS_KEYS = ["open", "responded", "resolved", "closed"] as const;
/** A preset's columns that an export may lack (the fields are then not read, and the import says so). */
const OPTIONAL_PRESET_FIELDS = ["status", "resolution", "updated"];
const EVENT_LOG_KEYS = ["initial", "waiting", "resolved", "closed"];
const REASONS = ["client", "vendor", "other"];

type Yaml = unknown;
const isMap = (v: Yaml): v is Map<unknown, Yaml> => v instanceof Map;

function asList(value: Yaml, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((v) => scalar(v, where));
  return [scalar(value, where)];
}

function scalar(value: Yaml, where: string): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  throw new UsageError(`${where}: expected a text value`);
}

function entries(value: Yaml, where: string): [string, Yaml][] {
  if (value === undefined || value === null) return [];
  if (!isMap(value)) throw new UsageError(`${where}: expected a mapping (key: value)`);
  return [...value.entries()].map(([k, v]) => [String(k), v]);
}

function unknownKeys(value: Yaml, allowed: string[], where: string): void {
  for (const [key] of entries(value, where)) if (!allowed.includes(key)) throw new UsageError(`${where}: unknown key "${key}" (known: ${allowed.join(", ")})`);
}

function field(name: string, where: string): ImportField {
  if (!(IMPORT_FIELDS as readonly string[]).includes(name)) throw new UsageError(`${where}: "${name}" is not an importable field (${IMPORT_FIELDS.join(", ")})`);
  return name as ImportField;
}

function patterns(texts: string[], where: string, preset = false): StatePattern[] {
  return texts.map((text) => {
    const compiled = compileStatePattern(text);
    if (typeof compiled === "string") throw new UsageError(`${where}: ${compiled}`);
    return preset ? { ...compiled, preset } : compiled;
  });
}

function waitingOf(pairs: [string, string][], where: string, preset = false): EventLogStates["waiting"] {
  return pairs.map(([state, reason]) => {
    if (!REASONS.includes(reason)) throw new UsageError(`${where}: pause reason "${reason}" of state "${state}" must be client, vendor or other`);
    return { pattern: patterns([state], where, preset)[0]!, reason: reason as Pause["reason"] };
  });
}

function readYaml(path: string, label: string): Yaml {
  let text: string;
  try {
    // A mapping is a few dozen lines: a FIFO, a device or a huge file is a mistake, refused before reading.
    text = readCsvFile(path, { maxMb: 1, what: "a YAML mapping file" });
  } catch (error) {
    throw new UsageError(`${label}: ${(error as Error).message}`);
  }
  try {
    return parse(text, { mapAsMap: true }) ?? new Map();
  } catch (error) {
    throw new UsageError(`${label}: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** The mapping file to use: --mapping, or the variant of --preset whose columns the header has. */
function chooseFile(flags: MappingFlags, header: string[]): { file: Yaml; label: string; presetFile?: string } {
  if (flags.preset && flags.mapping) throw new UsageError("give --preset or --mapping, not both (copy the preset from templates/import/ to adjust it)");
  if (flags.mapping) return { file: readYaml(flags.mapping, `--mapping ${flags.mapping}`), label: flags.mapping };
  if (!flags.preset) return { file: new Map(), label: "flags" };
  const variants = Object.hasOwn(PRESETS, flags.preset) ? PRESETS[flags.preset]! : undefined;
  if (!variants) throw new UsageError(`--preset: "${flags.preset}" is not a preset (${Object.keys(PRESETS).join(", ")})`);
  const misses: { name: string; missing: string[] }[] = [];
  const overridden = new Set((flags.map ?? []).map((pair) => pair.slice(0, pair.indexOf("=")).trim()));
  for (const name of variants) {
    const file = readYaml(IMPORT_TEMPLATE_DIR + name, `--preset ${flags.preset}`);
    const columns = entries(isMap(file) ? file.get("columns") : undefined, name)
      .filter(([f]) => !overridden.has(f) && !OPTIONAL_PRESET_FIELDS.includes(f))
      .map(([, v]) => scalar(v, name));
    const missing = [...new Set([...columns, ...templateColumns(String((isMap(file) && file.get("title_template")) || ""))])].filter((c) => !header.includes(c));
    if (missing.length === 0) return { file, label: `preset ${flags.preset} (templates/import/${name})`, presetFile: `templates/import/${name}` };
    misses.push({ name, missing });
  }
  // Each column named once: those every shape needs, then what each shape needs besides.
  const common = misses.length > 1 ? misses[0]!.missing.filter((c) => misses.every((m) => m.missing.includes(c))) : [];
  const parts = [
    ...(common.length ? [`every shape needs ${common.join(", ")}`] : []),
    ...misses
      .map((m) => ({ name: m.name, own: m.missing.filter((c) => !common.includes(c)) }))
      .filter((m) => m.own.length)
      .map((m) => `${m.name} ${common.length ? "also needs" : "lacks"} ${m.own.join(", ")}`),
  ];
  throw new UsageError(
    `--preset ${flags.preset}: the CSV's columns fit none of its shapes (${parts.join("; ")}); map the others with --map field=Column, or copy a preset from templates/import/ and adjust it`,
  );
}

export interface LoadedMapping {
  mapping: ImportMapping;
  /** The preset's mapping file that fits the header (templates/import/...), to tell the user. */
  presetFile?: string;
}

export function loadMapping(flags: MappingFlags, projectZone: string, header: string[] = []): LoadedMapping {
  const { file, label, presetFile } = chooseFile(flags, header);
  const isPreset = presetFile !== undefined;
  unknownKeys(file, FILE_KEYS, label);
  const get = (key: string) => (isMap(file) ? file.get(key) : undefined);
  const columns: ImportMapping["columns"] = {};
  const absent: { field: string; column: string }[] = [];
  for (const [name, column] of entries(get("columns"), `${label}: columns`)) {
    const text = scalar(column, `${label}: columns.${name}`);
    if (isPreset && OPTIONAL_PRESET_FIELDS.includes(name) && !header.includes(text)) absent.push({ field: name, column: text });
    else columns[field(name, `${label}: columns`)] = text;
  }
  for (const pair of flags.map ?? []) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`--map "${pair}": write field=Column, e.g. --map title="Short description"`);
    const value = pair.slice(at + 1).trim();
    const name = field(pair.slice(0, at).trim(), "--map");
    if (value === "") delete columns[name];
    else columns[name] = value;
  }
  const log = get("event_log");
  unknownKeys(log, EVENT_LOG_KEYS, `${label}: event_log`);
  const logGet = (key: string) => (isMap(log) ? log.get(key) : undefined);
  let eventLog: EventLogStates | undefined;
  if (flags.eventLog || log !== undefined) {
    const waiting = logGet("waiting");
    const fileWaiting: [string, string][] = Array.isArray(waiting)
      ? asList(waiting, "event_log.waiting").map((s) => [s, "client"])
      : entries(waiting, `${label}: event_log.waiting`).map(([k, v]) => [k, scalar(v, `${label}: event_log.waiting.${k}`)]);
    const flagWaiting = (flags.waitingState ?? []).map((s) =>
      s.includes("=") ? ([s.slice(0, s.lastIndexOf("=")), s.slice(s.lastIndexOf("=") + 1)] as [string, string]) : ([s, "client"] as [string, string]),
    );
    const fromFile = (key: string) => patterns(asList(logGet(key), `event_log.${key}`), `${label}: event_log.${key}`, isPreset);
    eventLog = {
      initial: [...fromFile("initial"), ...patterns(flags.initialState ?? [], "--initial-state")],
      // Flags first: the first waiting pattern that matches gives the reason.
      waiting: [...waitingOf(flagWaiting, "--waiting-state"), ...waitingOf(fileWaiting, label, isPreset)],
      resolved: [...fromFile("resolved"), ...patterns(flags.resolvedState ?? [], "--resolved-state")],
      closed: [...fromFile("closed"), ...patterns(flags.closedState ?? [], "--closed-state")],
    };
  } else {
    const stray = [
      ["--initial-state", flags.initialState],
      ["--waiting-state", flags.waitingState],
      ["--resolved-state", flags.resolvedState],
      ["--closed-state", flags.closedState],
    ].filter(([, v]) => (v as string[] | undefined)?.length);
    if (stray.length) throw new UsageError(`${stray.map(([f]) => f).join(", ")}: states are used only for event logs (add --event-log)`);
  }
  const values: ImportMapping["values"] = {};
  for (const [name, table] of entries(get("values"), `${label}: values`)) {
    if (!(VALUE_FIELDS as readonly string[]).includes(name)) throw new UsageError(`${label}: values: "${name}" cannot be mapped (${VALUE_FIELDS.join(", ")})`);
    values[name as ValueField] = new Map(entries(table, `${label}: values.${name}`).map(([k, v]) => [k, scalar(v, `${label}: values.${name}.${k}`)]));
  }
  const statusFile = get("status");
  unknownKeys(statusFile, [...STATUS_KEYS], `${label}: status`);
  let statuses: ImportMapping["statuses"];
  if (statusFile !== undefined && statusFile !== null && !(isPreset && columns.status === undefined)) {
    statuses = {};
    for (const key of STATUS_KEYS) {
      const list = patterns(asList(isMap(statusFile) ? statusFile.get(key) : undefined, `status.${key}`), `${label}: status.${key}`, isPreset);
      if (list.length) statuses[key] = list;
    }
  }
  const unknownPriority = flags.unknownPriority ?? get("unknown_priority");
  if (unknownPriority !== undefined && !/^P[1-4]$/.test(String(unknownPriority)))
    throw new UsageError(`${flags.unknownPriority !== undefined ? "--unknown-priority" : `${label}: unknown_priority`}: "${String(unknownPriority)}" is not a priority (P1, P2, P3 or P4)`);
  const template = flags.titleTemplate ?? get("title_template");
  const timezone = flags.timezone ?? get("timezone");
  const dateFormatText = flags.dateFormat ?? get("date_format");
  // "iso" (any case) or "ISO 8601": ISO 8601, as without a format (to override a preset's).
  const dateFormat = dateFormatText !== undefined && /^iso(\s*8601)?$/i.test(String(dateFormatText).trim()) ? undefined : dateFormatText;
  return {
    mapping: {
      columns,
      ...(template !== undefined ? { titleTemplate: scalar(template, "title_template") } : {}),
      ...(dateFormat !== undefined ? { dateFormat: scalar(dateFormat, "date_format") } : {}),
      timezone: timezone === undefined ? projectZone : scalar(timezone, "timezone"),
      empty: [...asList(get("empty"), "empty"), ...(flags.empty ?? [])],
      eventLog,
      values,
      ...(statuses ? { statuses } : {}),
      ...(absent.length ? { absentColumns: absent.filter((a) => columns[a.field as keyof typeof columns] === undefined) } : {}),
      ...(unknownPriority !== undefined ? { unknownPriority: String(unknownPriority) as Priority } : {}),
    },
    ...(presetFile ? { presetFile } : {}),
  };
}
