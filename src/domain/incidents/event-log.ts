// The rules that turn one incident's event-log rows into its SLA times (docs/commands/incident.md):
// - order: by the order column (e.g. sys_mod_count), ties in file order; without it, by time, then file order;
// - opened: the opened column, else the earliest event; events stamped before it count at opened (flagged);
// - first response: the first move out of an initial state;
// - resolution: the first entry into a resolved or closed state after the last reopening, so a re-stamped
//   "Resolved" row does not move it and a real reopening does; closing likewise for closed states;
// - pauses: the time spent in waiting states, merged where they overlap, cut at the resolution.
import type { Pause } from "../../model/files.js";
import type { NoteAnomaly } from "./anomaly.js";
import type { EventLogStates } from "./mapping.js";

export interface LogEvent {
  line: number;
  /** Position in the file, for ties. */
  index: number;
  at: number;
  state: string;
  /** Value of the order column, when mapped. */
  seq?: number;
}

export interface EpochPause {
  from: number;
  to?: number;
  reason: Pause["reason"];
}

export interface Timeline {
  responded?: number;
  resolved?: number;
  closed?: number;
  pauses: EpochPause[];
  /** Resolutions that did not hold: when it was resolved, when and to which state it was reopened. */
  reopenings?: { resolved: number; reopened: number; state: string }[];
}

type Category = { kind: "initial" | "resolved" | "closed" | "other" } | { kind: "waiting"; reason: Pause["reason"] };

function categorize(state: string, states: EventLogStates): Category {
  if (states.closed.some((p) => p.test(state))) return { kind: "closed" };
  if (states.resolved.some((p) => p.test(state))) return { kind: "resolved" };
  const waiting = states.waiting.find((w) => w.pattern.test(state));
  if (waiting) return { kind: "waiting", reason: waiting.reason };
  if (states.initial.some((p) => p.test(state))) return { kind: "initial" };
  return { kind: "other" };
}

export function orderEvents(events: LogEvent[]): LogEvent[] {
  const bySeq = events.every((e) => e.seq !== undefined);
  return [...events].sort((a, b) => (bySeq ? a.seq! - b.seq! : a.at - b.at) || a.index - b.index);
}

/** Events stamped before `opened` count at `opened`; each is noted. */
export function clampToOpened(events: LogEvent[], opened: number, note: NoteAnomaly, show: (epoch: number) => string): LogEvent[] {
  return events.map((event) => {
    if (event.at >= opened) return event;
    note("event-before-opened", event.line, `"${event.state}" at ${show(event.at)} is before the opening (${show(opened)}): counted at the opening`);
    return { ...event, at: opened };
  });
}

/** Waiting intervals merged where they overlap or touch (the earlier one's reason), cut to [opened, end]. */
export function mergePauses(pauses: EpochPause[], opened: number, end: number | undefined): EpochPause[] {
  const sorted = pauses
    .map((p) => ({ ...p, from: Math.max(p.from, opened) }))
    .filter((p) => p.to === undefined || p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const merged: EpochPause[] = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    const joins = last && (last.to === undefined || pause.from < last.to || (pause.from === last.to && pause.reason === last.reason));
    if (joins) {
      if (last.to !== undefined) {
        if (pause.to === undefined) delete last.to;
        else last.to = Math.max(last.to, pause.to);
      }
      continue;
    }
    merged.push({ ...pause });
  }
  if (end === undefined) return merged;
  return merged.filter((p) => p.from < end).map((p) => (p.to === undefined || p.to > end ? { ...p, to: end } : p));
}

/** The times of one incident from its ordered, clamped events. */
export function timelineOf(events: LogEvent[], states: EventLogStates, opened: number): Timeline {
  let responded: number | undefined;
  let resolved: number | undefined;
  let closed: number | undefined;
  const pauses: EpochPause[] = [];
  const reopenings: { resolved: number; reopened: number; state: string }[] = [];
  let waiting: EpochPause | undefined;
  for (const event of events) {
    const category = categorize(event.state, states);
    if (responded === undefined && category.kind !== "initial") responded = event.at;
    if (waiting && !(category.kind === "waiting" && category.reason === waiting.reason)) {
      pauses.push({ ...waiting, to: event.at });
      waiting = undefined;
    }
    if (category.kind === "waiting" && !waiting) waiting = { from: event.at, reason: category.reason };
    if (category.kind === "resolved" || category.kind === "closed") {
      if (resolved === undefined) resolved = event.at;
      if (closed === undefined && category.kind === "closed") closed = event.at;
    } else {
      // Any other state after a resolution is a reopening: the earlier resolution does not count
      // for the SLA, and is kept in the incident's history.
      if (resolved !== undefined) reopenings.push({ resolved, reopened: event.at, state: event.state });
      resolved = undefined;
      closed = undefined;
    }
  }
  if (waiting) pauses.push(waiting);
  return { responded, resolved, closed, pauses: mergePauses(pauses, opened, resolved), ...(reopenings.length ? { reopenings } : {}) };
}
