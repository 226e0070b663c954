// What `tam incident update` changes, decided on the parsed incident: a list of field edits.
import type { CauseCategory, Incident, IncidentStatus, Pause } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";

export type FieldEdit =
  | { kind: "set"; key: "responded" | "resolved" | "closed" | "status" | "actions"; value: string }
  | { kind: "cause"; key: "category" | "root_cause"; value: string }
  | { kind: "add-pause"; pause: Pause }
  | { kind: "end-pause"; index: number; to: string }
  /** The import's marks (`estimated`, `unrecorded`) rewritten, or removed when `value` is absent. */
  | { kind: "marks"; key: "estimated" | "unrecorded"; value?: string[] };

export interface UpdateRequest {
  responded?: string;
  resolved?: string;
  closed?: string;
  pauseFrom?: string;
  pauseTo?: string;
  pauseReason?: Pause["reason"];
  pauseNote?: string;
  cause?: CauseCategory;
  rootCause?: string;
  actions?: string;
  status?: IncidentStatus;
}

const STATUS_RANK: Record<IncidentStatus, number> = { open: 0, responded: 1, resolved: 2, closed: 3 };

/** The edits of a request, or the reason it cannot be applied. Times are already resolved to timestamps with offsets. */
export function planUpdate(incident: Incident, request: UpdateRequest): FieldEdit[] | string {
  const edits: FieldEdit[] = [];
  let status = incident.status;
  const advance = (to: IncidentStatus) => {
    if (STATUS_RANK[to] > STATUS_RANK[status]) status = to;
  };
  for (const key of ["responded", "resolved", "closed"] as const) {
    const value = request[key];
    if (value === undefined) continue;
    edits.push({ kind: "set", key, value });
    advance(key);
  }
  if (request.closed !== undefined && !incident.resolved && request.resolved === undefined) return "an incident is resolved before it is closed: give --resolved too";
  // A time the TAM records is no longer an estimate, and a response recorded is no longer unrecorded.
  for (const key of ["estimated", "unrecorded"] as const) {
    const marks: string[] = incident[key] ?? [];
    const kept = marks.filter((time) => request[time as "responded" | "resolved" | "closed"] === undefined);
    if (kept.length !== marks.length) edits.push({ kind: "marks", key, ...(kept.length ? { value: kept } : {}) });
  }
  if (request.pauseFrom !== undefined) {
    if (!request.pauseReason) return "--pause-from needs --pause-reason client|vendor|other";
    if (request.pauseTo !== undefined && parseTimestamp(request.pauseTo) < parseTimestamp(request.pauseFrom)) return "--pause-to is before --pause-from";
    edits.push({
      kind: "add-pause",
      pause: { from: request.pauseFrom, ...(request.pauseTo ? { to: request.pauseTo } : {}), reason: request.pauseReason, ...(request.pauseNote ? { note: request.pauseNote } : {}) },
    });
  } else if (request.pauseTo !== undefined) {
    const index = (incident.pauses ?? []).findIndex((p) => !p.to);
    if (index === -1) return `${incident.id} has no open pause to end: give --pause-from too`;
    if (parseTimestamp(request.pauseTo) < parseTimestamp(incident.pauses![index]!.from)) return `--pause-to is before the pause started (${incident.pauses![index]!.from})`;
    edits.push({ kind: "end-pause", index, to: request.pauseTo });
  }
  if (request.cause) edits.push({ kind: "cause", key: "category", value: request.cause });
  if (request.rootCause) {
    if (!request.cause && !incident.cause) return "--root-cause needs --cause (the category) the first time";
    edits.push({ kind: "cause", key: "root_cause", value: request.rootCause });
  }
  if (request.actions) edits.push({ kind: "set", key: "actions", value: request.actions });
  const finalStatus = request.status ?? status;
  if (finalStatus !== incident.status) edits.push({ kind: "set", key: "status", value: finalStatus });
  if (edits.length === 0) return "nothing to update: give --responded, --resolved, --closed, a pause, --cause, --actions or --status";
  return edits;
}

/** The incident as it should read after the edits: what the edited file is verified against. */
export function applyToIncident(incident: Incident, edits: FieldEdit[]): Incident {
  const next: Incident = structuredClone(incident);
  for (const edit of edits) {
    if (edit.kind === "set") (next as unknown as Record<string, string>)[edit.key] = edit.value;
    else if (edit.kind === "cause") next.cause = { ...(next.cause ?? { category: "unknown" }), [edit.key]: edit.value } as Incident["cause"];
    else if (edit.kind === "add-pause") next.pauses = [...(next.pauses ?? []), edit.pause];
    else if (edit.kind === "marks") {
      if (edit.value) (next as unknown as Record<string, string[]>)[edit.key] = edit.value;
      else delete next[edit.key];
    } else next.pauses![edit.index] = { ...next.pauses![edit.index]!, to: edit.to };
  }
  return next;
}
