// Client updates during an incident (tam incident notify; "bad news does not get better with time",
// "more communication"): the notice in the client's terms (component names, the team, not ids), what is
// being done, and when the next update comes, on the cadence tam.yaml's `updates` sets per priority.
import type { Component, Department, Incident, Manifest, Priority } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import { durationMinutes } from "../duration.js";
import { formatZonedShort } from "../zoned-timestamp.js";
import { elapsed } from "./review-document.js";
import { compareText } from "../../model/text-order.js";

const DEFAULT_UPDATES: Partial<Record<Priority, string>> = { P1: "30m", P2: "2h" };

/** Minutes between two client updates for the priority, or undefined when it has no cadence. */
export function updateCadence(manifest: Manifest | undefined, priority: Priority): number | undefined {
  const given = manifest?.updates;
  const text = given && typeof given === "object" ? (Object.hasOwn(given, priority) ? given[priority] : undefined) : DEFAULT_UPDATES[priority];
  const minutes = typeof text === "string" ? durationMinutes(text) : null;
  return minutes && minutes > 0 ? minutes : undefined;
}

export const isOpenIncident = (incident: Incident) => incident.status === "open" || incident.status === "responded";

export interface IncidentNoticeInput {
  incident: Incident;
  manifest: Manifest | undefined;
  components: readonly Component[];
  departments: readonly Department[];
  now: number;
  timezone: string;
  /** What the client sees, in their words (default: the affected components by name). */
  impact?: string;
  /** What is being done (default: the team working on it, and the cause when known). */
  doing?: string;
}

export interface IncidentClientNotice {
  incident: string;
  title: string;
  priority: Priority;
  /** "2026-11-18 10:05", in the project's zone. */
  at: string;
  /** Instant of the notice, as written in the file. */
  status: "open" | "in progress" | "resolved";
  since: string;
  /** How long since it was opened. */
  lasting: string;
  impact: string;
  doing: string;
  /** When service came back (resolved). */
  restored?: string;
  /** The next update, when the incident is still open and its priority has a cadence. */
  next?: string;
  /** The same, as an instant (for the record). */
  nextAt?: number;
  /** How many updates were sent before this one. */
  previous: number;
  tam?: string;
  project?: string;
}

export function incidentNotice(input: IncidentNoticeInput): IncidentClientNotice {
  const { incident, now, timezone } = input;
  const opened = parseTimestamp(incident.opened);
  const names = (incident.components ?? []).map((id) => input.components.find((c) => c.id === id)?.name ?? id);
  const team = input.departments.find((d) => d.id === incident.department)?.name;
  const open = isOpenIncident(incident);
  const resolvedAt = incident.resolved ?? incident.closed;
  const cadence = updateCadence(input.manifest, incident.priority);
  const nextAt = open && cadence ? now + cadence * 60_000 : undefined;
  const cause = incident.cause?.root_cause?.trim().replace(/[.!]+$/, "");
  const paused = (incident.pauses ?? []).find((p) => p && !p.to);
  const waiting = paused
    ? ` We are waiting for ${paused.reason === "client" ? "you" : paused.reason === "vendor" ? "the vendor" : "a third party"}${paused.note ? `: ${paused.note.trim().replace(/[.!]+$/, "")}` : ""}.`
    : "";
  const doing =
    input.doing?.trim() ||
    (open
      ? `${team ?? "Our engineers"} ${team ? "is" : "are"} working on it${cause ? `; what we know so far: ${cause}` : ""}.${waiting}`
      : `Service was restored${cause ? `; the cause: ${cause}` : ""}. A post-incident review follows, with the actions that keep it from happening again.`);
  return {
    incident: incident.id,
    title: incident.title,
    priority: incident.priority,
    at: formatZonedShort(now, timezone),
    status: open ? (incident.status === "open" ? "open" : "in progress") : "resolved",
    since: formatZonedShort(opened, timezone),
    lasting: elapsed((open || !resolvedAt ? now : parseTimestamp(resolvedAt)) - opened),
    impact:
      input.impact?.trim() ||
      (names.length ? `${names.join(", ")} ${open ? (names.length > 1 ? "are" : "is") : names.length > 1 ? "were" : "was"} affected: ${incident.title}.` : `${incident.title}.`),
    doing,
    ...(!open && resolvedAt ? { restored: formatZonedShort(parseTimestamp(resolvedAt), timezone) } : {}),
    ...(nextAt !== undefined ? { next: formatZonedShort(nextAt, timezone), nextAt } : {}),
    previous: (incident.notices ?? []).length,
    ...(input.manifest?.tam?.name ? { tam: input.manifest.tam.name } : {}),
    ...(input.manifest?.project?.name ? { project: input.manifest.project.name } : {}),
  };
}

export interface UpdateDue {
  incident: string;
  title: string;
  priority: Priority;
  /** The last update sent, or undefined when none was. */
  lastNotice?: string;
  /** When the next update was due ("2026-11-18 10:35"). */
  due: string;
  /** How late, e.g. "1h 5m". */
  overdueBy: string;
}

/** Open incidents whose next client update is past due (the promised `next`, else last update or opening plus the cadence). */
export function updatesDue(incidents: readonly Incident[], manifest: Manifest | undefined, now: number, timezone: string): UpdateDue[] {
  const out: (UpdateDue & { late: number })[] = [];
  for (const incident of incidents) {
    if (incident === null || typeof incident !== "object" || !isOpenIncident(incident) || typeof incident.opened !== "string") continue;
    const cadence = updateCadence(manifest, incident.priority);
    if (!cadence) continue;
    const notices = Array.isArray(incident.notices) ? incident.notices.filter((n) => n && typeof n.at === "string") : [];
    const last = notices.length ? notices.reduce((a, b) => (parseTimestamp(b.at) > parseTimestamp(a.at) ? b : a)) : undefined;
    const from = last ? parseTimestamp(last.at) : parseTimestamp(incident.opened);
    const promised = last?.next ? parseTimestamp(last.next) : Number.NaN;
    const due = Number.isFinite(promised) ? promised : from + cadence * 60_000;
    if (!Number.isFinite(due) || due >= now) continue;
    out.push({
      incident: incident.id,
      title: incident.title,
      priority: incident.priority,
      ...(last ? { lastNotice: formatZonedShort(parseTimestamp(last.at), timezone) } : {}),
      due: formatZonedShort(due, timezone),
      overdueBy: elapsed(now - due),
      late: now - due,
    });
  }
  return out.sort((a, b) => b.late - a.late || compareText(a.incident, b.incident)).map(({ late: _late, ...rest }) => rest);
}
