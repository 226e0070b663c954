// A later export of incidents already in the project: what it changes. Only what the service desk owns
// is updated (times and which of them are estimated or unrecorded, pauses, status, priority); what the TAM wrote (title, department, components,
// cause, root cause, actions, pause notes) is kept. Times equal as instants keep their text, so an
// incident the export does not change stays byte-identical.
import type { Incident, IncidentEvent, Pause } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";

export const UPDATED_KEYS = ["priority", "opened", "responded", "resolved", "closed", "estimated", "unrecorded", "pauses", "history", "status"] as const;
export type UpdatedKey = (typeof UPDATED_KEYS)[number];

/** Set a key to a value, or remove it (value undefined). */
export interface ImportEdit {
  key: UpdatedKey;
  value?: string | string[] | Pause[] | IncidentEvent[];
}

export interface IncidentUpdate {
  id: string;
  externalId: string;
  edits: ImportEdit[];
  /** The incident as it reads after the edits. */
  after: Incident;
}

const sameInstant = (a: string | undefined, b: string | undefined) => (a === undefined || b === undefined ? a === b : parseTimestamp(a) === parseTimestamp(b));

/** The imported pauses, written with the existing text and note of a pause that starts at the same instant. */
function mergedPauses(existing: Pause[], imported: Pause[]): Pause[] {
  return imported.map((pause) => {
    const same = existing.find((p) => sameInstant(p.from, pause.from));
    if (!same) return pause;
    const to = pause.to !== undefined && sameInstant(same.to, pause.to) ? same.to : pause.to;
    return { from: same.from, ...(to !== undefined ? { to } : {}), reason: pause.reason, ...(same.note !== undefined ? { note: same.note } : {}) };
  });
}

function samePauses(a: Pause[], b: Pause[]): boolean {
  return a.length === b.length && a.every((p, i) => sameInstant(p.from, b[i]!.from) && sameInstant(p.to, b[i]!.to) && p.reason === b[i]!.reason && p.note === b[i]!.note);
}

/**
 * A time the project has for real is kept over what the export cannot tell: its estimate of a resolution
 * (`estimated`), or the response it has no column for (`unrecorded`), e.g. recorded by the TAM since.
 */
function keepRecorded(existing: Incident, imported: Omit<Incident, "id">): Omit<Incident, "id"> {
  const estimated = imported.estimated ?? [];
  const kept = estimated.filter((key) => key !== "responded" && existing[key] !== undefined && !(existing.estimated ?? []).includes(key));
  const keepResponse = imported.unrecorded?.includes("responded") === true && imported.responded === undefined && existing.responded !== undefined;
  if (kept.length === 0 && !keepResponse) return imported;
  const out: Omit<Incident, "id"> = { ...imported };
  if (keepResponse) {
    out.responded = existing.responded;
    delete out.unrecorded;
  }
  for (const key of kept) out[key as "resolved" | "closed"] = existing[key as "resolved" | "closed"];
  const left = estimated.filter((key) => !kept.includes(key));
  if (left.length) out.estimated = left;
  else delete out.estimated;
  return out;
}

/** The edits that bring `existing` to what the export says, or null when nothing changes. */
export function planReimport(existing: Incident, fromExport: Omit<Incident, "id">): IncidentUpdate | null {
  const imported = keepRecorded(existing, fromExport);
  const edits: ImportEdit[] = [];
  const after: Incident = { ...existing };
  for (const key of ["priority", "status"] as const) {
    if (existing[key] !== imported[key]) {
      edits.push({ key, value: imported[key] });
      (after as unknown as Record<string, unknown>)[key] = imported[key];
    }
  }
  for (const key of ["opened", "responded", "resolved", "closed"] as const) {
    if (sameInstant(existing[key], imported[key])) continue;
    edits.push({ key, value: imported[key] });
    if (imported[key] === undefined) delete after[key];
    else after[key] = imported[key]!;
  }
  for (const key of ["estimated", "unrecorded"] as const) {
    const before = existing[key] ?? [];
    const now = imported[key] ?? [];
    if (before.length === now.length && before.every((v, i) => v === now[i])) continue;
    edits.push({ key, value: now.length ? [...now] : undefined });
    if (now.length) (after as unknown as Record<string, unknown>)[key] = [...now];
    else delete after[key];
  }
  const pauses = mergedPauses(existing.pauses ?? [], imported.pauses ?? []);
  if (!samePauses(existing.pauses ?? [], pauses)) {
    edits.push({ key: "pauses", value: pauses.length ? pauses : undefined });
    if (pauses.length) after.pauses = pauses;
    else delete after.pauses;
  }
  // A reopening the export shows is kept in the history; a history written by hand stays when the export shows none.
  const history = imported.history ?? [];
  if (history.length && JSON.stringify(existing.history ?? []) !== JSON.stringify(history)) {
    edits.push({ key: "history", value: history });
    after.history = history;
  }
  if (edits.length === 0) return null;
  // The file's key order: status last of the edited keys, as `tam incident update` writes it.
  edits.sort((a, b) => UPDATED_KEYS.indexOf(a.key) - UPDATED_KEYS.indexOf(b.key));
  return { id: existing.id, externalId: existing.external_id ?? "", edits, after };
}
