// The mapping of `tam task sync`: a preset shipped in templates/sync (jira, servicenow) or a YAML
// mapping file of the same shape. Every key must be known: a typo is an error naming it.
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { UsageError } from "../errors.js";
import { SYNC_COLUMNS, SYNC_STATES, type SyncMapping } from "../domain/tracking/sync.js";
import { readCsvFile } from "./csv-input.js";
import { packageUrl } from "../version.js";

const SYNC_TEMPLATE_DIR = fileURLToPath(packageUrl("templates/sync/"));
const SYNC_PRESETS = ["jira", "servicenow"] as const;

const KEYS = ["columns", "date_format", "timezone", "statuses"];

function list(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((v) => {
    if (typeof v === "string" || typeof v === "number") return String(v);
    throw new UsageError(`${where}: expected a text value or a list of them`);
  });
}

function mapping(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new UsageError(`${where}: expected a mapping (key: value)`);
  return value as Record<string, unknown>;
}

function known(value: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw new UsageError(`${where}: unknown key "${key}" (known: ${allowed.join(", ")})`);
}

/** The mapping of a preset name, or of a mapping file (which wins). */
export function loadSyncMapping(options: { preset?: string; mapping?: string }): SyncMapping {
  let path: string;
  if (options.mapping) path = options.mapping;
  else if (options.preset) {
    if (!(SYNC_PRESETS as readonly string[]).includes(options.preset)) throw new UsageError(`--preset ${options.preset}: unknown (known: ${SYNC_PRESETS.join(", ")})`);
    path = `${SYNC_TEMPLATE_DIR}${options.preset}.yaml`;
  } else throw new UsageError("give --preset jira|servicenow, or --mapping FILE");
  const where = options.mapping ?? `preset ${options.preset}`;
  let data: unknown;
  try {
    data = parse(readCsvFile(path, { maxMb: 1, what: "a YAML mapping file" }));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${where}: not YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const root = mapping(data, where);
  known(root, KEYS, where);
  const columns = mapping(root.columns, `${where}: columns`);
  known(columns, SYNC_COLUMNS, `${where}: columns`);
  const statuses = mapping(root.statuses, `${where}: statuses`);
  known(statuses, SYNC_STATES, `${where}: statuses`);
  const text = (value: unknown, key: string) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") throw new UsageError(`${where}: ${key}: expected a text value`);
    return value;
  };
  const dateFormat = text(root.date_format, "date_format");
  const timezone = text(root.timezone, "timezone");
  return {
    columns: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, list(v, `${where}: columns.${k}`)])),
    statuses: Object.fromEntries(Object.entries(statuses).map(([k, v]) => [k, list(v, `${where}: statuses.${k}`)])),
    ...(dateFormat ? { dateFormat } : {}),
    ...(timezone ? { timezone } : {}),
  };
}
