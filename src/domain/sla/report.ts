// The SLA report: per group compliance against the goal, response and resolution times,
// the trend against the previous period, open incidents, breaches and recurring causes.
import type { CauseCategory, Incident, Manifest, Priority } from "../../model/files.js";
import { PRIORITIES } from "../../model/files.js";
import { parseTimestamp } from "../dates.js";
import { incidentSla, resolvedAt, type IncidentSla, type Measure } from "./measure.js";
import type { Period } from "./period.js";
import { slaPolicy } from "./policy.js";
import { durationStats, type DurationStats } from "./stats.js";

export type GroupBy = "priority" | "department" | "component";
export const GROUP_BYS: GroupBy[] = ["priority", "department", "component"];
/** Group key of incidents without a department or component. */
const NONE_KEY = "(none)";

export interface Tally {
  met: number;
  breached: number;
  /** Still counting, within target. */
  pending: number;
  /** Not recorded by the export (`unrecorded`): neither met nor breached. Present only when some are. */
  unknown?: number;
}

export interface GroupSummary {
  key: string;
  incidents: number;
  /** Incidents whose outcome is known: both targets met, or one missed. */
  withResult: number;
  response: Tally;
  resolution: Tally;
  /** Incidents meeting both targets per incident with a result, in percent; null without results. */
  compliancePct: number | null;
  /** The priority's goal; for mixed groups the mean goal of the incidents with a result. */
  goalPct: number | null;
  pass: boolean | null;
  responseTimes: DurationStats;
  resolutionTimes: DurationStats;
  previous: { incidents: number; compliancePct: number | null };
  /** Percentage points against the previous period. */
  trendPts: number | null;
}

export interface IncidentRef {
  id: string;
  title: string;
  priority: Priority;
  department: string | null;
  components: string[];
  opened: string;
}

export interface OpenIncident extends IncidentRef {
  response: Measure;
  resolution: Measure;
}

export interface Breach extends IncidentRef {
  cause: CauseCategory | null;
  rootCause: string | null;
  /** The measures that missed their target. */
  response: Measure | null;
  resolution: Measure | null;
}

export interface Recurrence {
  component: string;
  cause: CauseCategory;
  incidents: string[];
}

export interface SlaReport {
  now: number;
  timezone: string;
  period: Period;
  by: GroupBy;
  groups: GroupSummary[];
  total: GroupSummary;
  open: OpenIncident[];
  breaches: Breach[];
  recurring: Recurrence[];
  /** Incidents of the period whose priority has no SLA target. */
  withoutTarget: string[];
  /** Incidents of the period with a time tam estimated at import (`estimated`): the export said resolved or closed, not when. */
  estimated: string[];
}

export interface SlaReportInput {
  manifest: Manifest;
  incidents: Incident[];
  now: number;
  timezone: string;
  period: Period;
  by: GroupBy;
}

function keysOf(incident: Incident, by: GroupBy): string[] {
  if (by === "priority") return [incident.priority];
  if (by === "department") return [incident.department ?? NONE_KEY];
  return incident.components?.length ? [...new Set(incident.components)] : [NONE_KEY];
}

function tally(measures: Measure[]): Tally {
  const t: Tally = { met: 0, breached: 0, pending: 0 };
  let unknown = 0;
  for (const m of measures) {
    if (m.state === "breached") t.breached++;
    else if (m.state === "met") t.met++;
    else if (m.state === "unknown") unknown++;
    else t.pending++;
  }
  return unknown ? { ...t, unknown } : t;
}

/** Share of incidents with a result that met both targets, and the mean goal of those incidents. */
export function compliance(clocks: readonly IncidentSla[]): { withResult: number; pct: number | null; goal: number | null } {
  const results = clocks.filter((c) => c.outcome !== "pending");
  if (results.length === 0) return { withResult: 0, pct: null, goal: null };
  const met = results.filter((c) => c.outcome === "met").length;
  const goal = results.reduce((sum, c) => sum + c.rule.goal, 0) / results.length;
  return { withResult: results.length, pct: (100 * met) / results.length, goal };
}

function summarize(key: string, clocks: IncidentSla[], previous: IncidentSla[]): GroupSummary {
  const current = compliance(clocks);
  const before = compliance(previous);
  return {
    key,
    incidents: clocks.length,
    withResult: current.withResult,
    response: tally(clocks.map((c) => c.response)),
    resolution: tally(clocks.map((c) => c.resolution)),
    compliancePct: current.pct,
    goalPct: current.goal,
    pass: current.pct === null || current.goal === null ? null : current.pct >= current.goal,
    responseTimes: durationStats(clocks.filter((c) => c.response.done && c.response.state !== "unknown").map((c) => c.response.elapsedMs)),
    resolutionTimes: durationStats(clocks.filter((c) => c.resolution.done).map((c) => c.resolution.elapsedMs)),
    previous: { incidents: previous.length, compliancePct: before.pct },
    trendPts: current.pct === null || before.pct === null ? null : current.pct - before.pct,
  };
}

function refOf(incident: Incident): IncidentRef {
  return {
    id: incident.id,
    title: incident.title,
    priority: incident.priority,
    department: incident.department ?? null,
    components: [...(incident.components ?? [])].sort(),
    opened: incident.opened,
  };
}

const byOpened = (a: IncidentSla, b: IncidentSla) => a.opened - b.opened || (a.incident.id < b.incident.id ? -1 : a.incident.id > b.incident.id ? 1 : 0);

function groupKeyOrder(by: GroupBy): (a: string, b: string) => number {
  return (a, b) => {
    if (a === NONE_KEY || b === NONE_KEY) return a === b ? 0 : a === NONE_KEY ? 1 : -1;
    if (by === "priority") return PRIORITIES.indexOf(a as Priority) - PRIORITIES.indexOf(b as Priority);
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

function groupBy(clocks: IncidentSla[], by: GroupBy): Map<string, IncidentSla[]> {
  const groups = new Map<string, IncidentSla[]>();
  for (const clock of clocks) {
    for (const key of keysOf(clock.incident, by)) {
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(clock);
    }
  }
  return groups;
}

/**
 * `measured`, when given, receives the SLA clock of every incident the report measured (opened as
 * of now, its priority with a target, and in the period, the previous one or unresolved), for a
 * caller that reads the same clocks again.
 */
export function slaReport(input: SlaReportInput, measured?: Map<Incident, IncidentSla>): SlaReport {
  const accumulator = slaAccumulator(input, undefined, measured);
  for (const incident of input.incidents) accumulator.add(incident);
  return accumulator.report();
}

/** The SLA report built incident by incident: a caller streaming an incident log holds only what the report keeps. */
export interface SlaAccumulator {
  add(incident: Incident): void;
  report(): SlaReport;
}

/** The fields of an incident the report reads once it has measured it (see slaReport's groups, breaches, open list and recurrences). */
export function slaReportFields(incident: Incident): Incident {
  const kept: Partial<Incident> = { id: incident.id, title: incident.title, priority: incident.priority, opened: incident.opened };
  if (incident.department !== undefined) kept.department = incident.department;
  if (incident.estimated !== undefined) kept.estimated = incident.estimated;
  if (incident.components !== undefined) kept.components = incident.components;
  if (incident.cause !== undefined) kept.cause = { category: incident.cause.category, ...(incident.cause.root_cause !== undefined ? { root_cause: incident.cause.root_cause } : {}) };
  return kept as Incident;
}

/**
 * `retain` turns an incident the report keeps (in the period, the previous one, or unresolved) into
 * what it holds on to: the incident itself by default; a streaming caller passes a copy of
 * slaReportFields so that the rest of the file can go.
 */
export function slaAccumulator(input: Omit<SlaReportInput, "incidents">, retain: (incident: Incident) => Incident = (incident) => incident, measured?: Map<Incident, IncidentSla>): SlaAccumulator {
  const { now, period } = input;
  const policy = slaPolicy(input.manifest);
  const current: IncidentSla[] = [];
  const previous: IncidentSla[] = [];
  const unresolved: IncidentSla[] = [];
  const withoutTarget: string[] = [];
  const estimated: string[] = [];
  const add = (incident: Incident) => {
    const opened = parseTimestamp(incident.opened);
    if (!(opened <= now)) return; // not yet opened as of now
    const inPeriod = opened >= period.start && opened < period.end;
    if (inPeriod && incident.estimated?.length) estimated.push(incident.id);
    const rule = policy[incident.priority];
    if (!rule) {
      if (inPeriod) withoutTarget.push(incident.id);
      return;
    }
    const inPrevious = opened >= period.previous.start && opened < period.previous.end;
    // Outside both periods only an unresolved incident is reported: a resolved one is not measured.
    if (!inPeriod && !inPrevious && resolvedAt(incident, now) !== undefined) return;
    const clock = incidentSla(incident, rule, now);
    measured?.set(incident, clock);
    clock.incident = retain(incident);
    if (inPeriod) current.push(clock);
    else if (inPrevious) previous.push(clock);
    if (!clock.resolution.done) unresolved.push(clock);
  };
  return { add, report: () => buildReport(input, current, previous, unresolved, withoutTarget, estimated) };
}

function buildReport(input: Omit<SlaReportInput, "incidents">, current: IncidentSla[], previous: IncidentSla[], unresolved: IncidentSla[], withoutTarget: string[], estimated: string[]): SlaReport {
  const { now, period } = input;
  current.sort(byOpened);
  const currentGroups = groupBy(current, input.by);
  const previousGroups = groupBy(previous, input.by);
  const keys = [...new Set([...currentGroups.keys()])].sort(groupKeyOrder(input.by));
  const groups = keys.map((key) => summarize(key, currentGroups.get(key) ?? [], previousGroups.get(key) ?? []));

  const breaches: Breach[] = current
    .filter((c) => c.outcome === "breached")
    .map((c) => ({
      ...refOf(c.incident),
      cause: c.incident.cause?.category ?? null,
      rootCause: c.incident.cause?.root_cause ?? null,
      response: c.response.state === "breached" ? c.response : null,
      resolution: c.resolution.state === "breached" ? c.resolution : null,
    }));

  return {
    now,
    timezone: input.timezone,
    period,
    by: input.by,
    groups,
    total: summarize("all", current, previous),
    open: unresolved.sort(byOpened).map((c) => ({ ...refOf(c.incident), response: c.response, resolution: c.resolution })),
    breaches,
    recurring: recurring(current),
    withoutTarget: withoutTarget.sort(),
    estimated: estimated.sort(),
  };
}

/** The same component and cause category twice or more among the period's incidents. */
function recurring(clocks: IncidentSla[]): Recurrence[] {
  const seen = new Map<string, Recurrence>();
  for (const { incident } of clocks) {
    const cause = incident.cause?.category;
    if (!cause) continue;
    for (const component of new Set(incident.components ?? [])) {
      const key = `${component}\u0000${cause}`;
      let entry = seen.get(key);
      if (!entry) seen.set(key, (entry = { component, cause, incidents: [] }));
      entry.incidents.push(incident.id);
    }
  }
  return [...seen.values()]
    .filter((r) => r.incidents.length >= 2)
    .sort((a, b) => b.incidents.length - a.incidents.length || (a.component < b.component ? -1 : a.component > b.component ? 1 : a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0));
}
