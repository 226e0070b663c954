// Time order of what tam records on an incident (client updates, escalations), as a change's history
// keeps it (history-time.ts): a write with a date-only --as-of lands after what the incident already
// records that day, and one earlier than the last record of its kind, or before the opening, is refused.
import type { Incident } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import { instantAfter, type WriteClock } from "../tracking/history-time.js";

const ms = (at: unknown) => (typeof at === "string" ? parseTimestamp(at) : Number.NaN);

/** Every instant the incident records: its own times, pauses, client updates and escalations. */
function incidentTimes(incident: Incident): number[] {
  const list = (value: unknown) => (Array.isArray(value) ? value : []) as { at?: unknown; from?: unknown; to?: unknown }[];
  return [
    incident.opened,
    incident.responded,
    incident.resolved,
    incident.closed,
    ...list(incident.pauses).flatMap((p) => [p?.from, p?.to]),
    ...list(incident.notices).map((n) => n?.at),
    ...list(incident.escalations).map((e) => e?.at),
  ]
    .map(ms)
    .filter(Number.isFinite);
}

/** The instant a record on the incident is stamped with (see instantAfter). */
export function incidentWriteInstant(incident: Incident, clock: WriteClock): number {
  return instantAfter(incidentTimes(incident), clock);
}

/**
 * Why a record of `what` ("client update", "escalation") at `instant` cannot be added to the incident:
 * before it was opened, or earlier than the last record of the same kind. Undefined when it can.
 */
export function incidentOrderReason(incident: Incident, what: string, records: readonly { at?: unknown }[] | undefined, instant: number, shown: string): string | undefined {
  const opened = ms(incident.opened);
  if (Number.isFinite(opened) && instant < opened)
    return `${shown} is before ${incident.id} was opened (${incident.opened}): ${/^[aeiou]/.test(what) ? "an" : "a"} ${what} cannot be recorded before the incident`;
  const last = (Array.isArray(records) ? records : []).reduce<{ at: string; ms: number } | undefined>((latest, r) => {
    const t = ms(r?.at);
    return Number.isFinite(t) && (!latest || t > latest.ms) ? { at: String(r!.at), ms: t } : latest;
  }, undefined);
  if (last && last.ms > instant)
    return `${incident.id} already has ${/^[aeiou]/.test(what) ? "an" : "a"} ${what} at ${last.at}, later than ${shown}: records are kept in time order, so record this at the time it happened, after that one (give a later --as-of), or correct the file first`;
  return undefined;
}
