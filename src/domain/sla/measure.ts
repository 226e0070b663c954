// The SLA clock of one incident: working time of its priority's calendar from `opened`
// to the first response and to the resolution, minus clock pauses.
// The SLA of the incident's current priority applies to the whole incident (see docs/commands/sla.md).
import type { Incident } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import type { SlaTargetRule } from "./policy.js";

/** unknown: the incident's export does not record that time (`unrecorded`): neither met nor breached. */
export type MeasureState = "met" | "breached" | "running" | "paused" | "unknown";

export interface Measure {
  /** met / breached when final or already over target; running or paused while the clock still counts. */
  state: MeasureState;
  /** Working time counted so far (up to the end event, or now). */
  elapsedMs: number;
  targetMs: number;
  /** Is the end event (response, resolution) recorded as of now? */
  done: boolean;
  /** Working time left before the target, when not yet over (running or paused). */
  remainingMs?: number;
  /** How far over target, when breached. */
  overByMs?: number;
  /** The instant the target will be missed if the clock keeps running (running only). */
  dueAt?: number;
}

export interface IncidentSla {
  incident: Incident;
  rule: SlaTargetRule;
  opened: number;
  response: Measure;
  resolution: Measure;
  /** met: both targets met (or the resolution, when the response is unknown); breached: either missed; pending: still counting. */
  outcome: "met" | "breached" | "pending";
}

/** An instant recorded in the file, or undefined when absent or later than now (not yet happened as of --as-of). */
function happened(text: string | undefined, now: number): number | undefined {
  if (!text) return undefined;
  const epoch = parseTimestamp(text);
  return Number.isFinite(epoch) && epoch <= now ? epoch : undefined;
}

/** Pauses as merged, disjoint [from, to) intervals; an open pause runs until now. */
export function pauseIntervals(incident: Incident, now: number): [number, number][] {
  const intervals: [number, number][] = [];
  for (const pause of incident.pauses ?? []) {
    const from = happened(pause.from, now);
    if (from === undefined) continue;
    const to = happened(pause.to, now) ?? now;
    if (to > from) intervals.push([from, to]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push(interval);
  }
  return merged;
}

function measure(rule: SlaTargetRule, opened: number, end: number | undefined, now: number, pauses: [number, number][], targetMs: number): Measure {
  const until = end ?? now;
  let paused = 0;
  let pausedNow = false;
  for (const [from, to] of pauses) {
    const clippedFrom = Math.max(from, opened);
    const clippedTo = Math.min(to, until);
    if (clippedTo > clippedFrom) paused += rule.clock.between(clippedFrom, clippedTo);
    if (end === undefined && from <= now && to >= now) pausedNow = true;
  }
  const elapsedMs = Math.max(0, rule.clock.between(opened, until) - paused);
  const done = end !== undefined;
  if (elapsedMs > targetMs) return { state: "breached", elapsedMs, targetMs, done, overByMs: elapsedMs - targetMs };
  if (done) return { state: "met", elapsedMs, targetMs, done };
  const remainingMs = targetMs - elapsedMs;
  if (pausedNow) return { state: "paused", elapsedMs, targetMs, done, remainingMs };
  return { state: "running", elapsedMs, targetMs, done, remainingMs, dueAt: rule.clock.add(now, remainingMs) };
}

/** When the incident was resolved (else closed, for a closed one), as of `now`: undefined while it is not. */
export function resolvedAt(incident: Incident, now: number): number | undefined {
  return happened(incident.resolved, now) ?? happened(incident.status === "closed" ? incident.closed : undefined, now);
}

/**
 * The SLA clocks of an incident as of `now`. A resolution without a recorded response
 * counts as the first response too, unless the incident says its export does not record responses
 * (`unrecorded: [responded]`): the response is then unknown and the outcome is the resolution's.
 */
export function incidentSla(incident: Incident, rule: SlaTargetRule, now: number): IncidentSla {
  const opened = parseTimestamp(incident.opened);
  const pauses = pauseIntervals(incident, now);
  const resolved = resolvedAt(incident, now);
  const recorded = happened(incident.responded, now);
  // An export without a response column: the response is unknown, not the resolution (issue 25, point 13).
  const unknown = recorded === undefined && incident.unrecorded?.includes("responded") === true;
  const response: Measure = unknown ? { state: "unknown", elapsedMs: 0, targetMs: rule.responseMs, done: false } : measure(rule, opened, recorded ?? resolved, now, pauses, rule.responseMs);
  const resolution = measure(rule, opened, resolved, now, pauses, rule.resolutionMs);
  const responseMet = response.state === "met" || response.state === "unknown";
  const outcome = response.state === "breached" || resolution.state === "breached" ? "breached" : responseMet && resolution.state === "met" ? "met" : "pending";
  return { incident, rule, opened, response, resolution, outcome };
}
