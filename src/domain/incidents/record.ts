// Incidents as written in files: key order, ids, the month file an incident belongs to.
import type { Incident } from "../../model/files.js";
import { dateInZone } from "../zone.js";
import { parseTimestamp } from "../dates.js";

/** The order keys are written in (as in the schema's example and the bundled example). */
export const INCIDENT_KEYS = [
  "id",
  "external_id",
  "title",
  "priority",
  "components",
  "department",
  "opened",
  "responded",
  "resolved",
  "closed",
  "estimated",
  "unrecorded",
  "pauses",
  "history",
  "cause",
  "status",
  "actions",
  "review",
] as const;
export const PAUSE_KEYS = ["from", "to", "reason", "note"] as const;
export const HISTORY_KEYS = ["at", "status", "by", "note"] as const;
export const CAUSE_KEYS = ["category", "root_cause"] as const;

/** A plain object with the incident's keys in file order, absent ones left out. */
export function orderedIncident(incident: Incident): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of INCIDENT_KEYS) {
    const value = (incident as unknown as Record<string, unknown>)[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (key === "pauses") out.pauses = (value as Record<string, unknown>[]).map((p) => pick(p, PAUSE_KEYS));
    else if (key === "history") out.history = (value as Record<string, unknown>[]).map((e) => pick(e, HISTORY_KEYS));
    else if (key === "cause") out.cause = pick(value as Record<string, unknown>, CAUSE_KEYS);
    else out[key] = value;
  }
  return out;
}

function pick(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** The next `count` free ids INC-NNNN after the highest numbered one. */
export function nextIncidentIds(existing: Iterable<string>, count = 1): string[] {
  let max = 0;
  for (const id of existing) {
    const match = /^INC-(\d+)$/.exec(id);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return Array.from({ length: count }, (_, i) => `INC-${String(max + 1 + i).padStart(4, "0")}`);
}

/** incidents/<YYYY-MM>.yaml of the month the incident was opened in, in the project's zone. */
export function incidentFileFor(opened: string, zone: string): string {
  return `incidents/${dateInZone(parseTimestamp(opened), zone).slice(0, 7)}.yaml`;
}
