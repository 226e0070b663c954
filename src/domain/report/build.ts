// Assembles the client-meeting report from the other domain modules. Pure: the freshness
// report (which needs git) and the previous report come in ready-made; everything else is computed here.
import { reviewsReport } from "./reviews.js";
import { acceptedRiskSteps } from "../tracking/readiness.js";
import {
  OPEN_CHANGE_STATUSES,
  type Change,
  type Component,
  type Department,
  type DocEntry,
  type Incident,
  type Manifest,
  type Meeting,
  type RecommendationEntry,
  type Task,
} from "../../model/files.js";
import { recordLines, registerReport, riskRecords, settled } from "../recommendations/register.js";
import { actionsSince } from "../meetings/minutes.js";
import type { Location } from "../../model/issues.js";
import { assessRisks } from "../arch/risks.js";
import type { Risk } from "../arch/risk-types.js";
import { dayNumber } from "../dates.js";
import type { FreshnessReport } from "../freshness/index.js";
import type { ProjectSchedule } from "../planner/schedule-types.js";
import type { Period } from "../sla/period.js";
import type { IncidentSla } from "../sla/measure.js";
import { slaReport, type SlaReport } from "../sla/report.js";
import { projectStatus } from "../tracking/status.js";
import { ownerIndex, owningDepartmentId } from "../validation/owners.js";
import { clientDecisions } from "./decisions.js";
import { promiseNotKept } from "./promise-text.js";
import { serviceHistory } from "./history.js";
import { changeSchedules, reportSchedule, type ChangeSchedule } from "./schedule.js";
import { changesAsOf, reportDelta, type PreviousReport } from "./since.js";
import type { Audience, BreachLine, ChangeLine, ClientReport, DataWarning, GanttTask, InternalPart, Recommendation, Slip, TamFit } from "./types.js";
import { compareText } from "../../model/text-order.js";

export interface ReportInput {
  manifest: Manifest;
  departments: Department[];
  components: Component[];
  changes: Change[];
  incidents: Incident[];
  docs: DocEntry[];
  /** recommendations.yaml: what was advised and decided (none without the file). */
  recommendations?: RecommendationEntry[];
  /** meetings.yaml: the minutes, whose action items the report `--since` the last meeting reviews. */
  meetings?: Meeting[];
  freshness: FreshnessReport;
  /** Notes from the freshness check (git unavailable, ...): data-quality warnings of the internal report. */
  freshnessWarnings?: string[];
  period: Period;
  audience: Audience;
  /** The previous meeting, for "what changed since" (`--since`). */
  since?: PreviousReport;
  now: number;
  today: string;
  timezone: string;
  where(entity: object, ...field: (string | number)[]): Location;
}

/** Kinds whose presence means the provider administers the client's applications. */
const APPLICATION_KINDS = new Set(["application"]);

export function buildClientReport(input: ReportInput): ClientReport {
  const { manifest, period, audience } = input;
  const internal = audience === "internal";
  // One schedule of the project serves the dates and, in the internal report, the progress rows.
  const schedule = reportSchedule(input, internal);
  const schedules = changeSchedules({ ...input }, schedule);
  const doneInPeriod = input.changes.filter((c) => {
    const finish = c.status === "done" ? workedDays(c.tasks ?? []).finish : null;
    return finish !== null && finish >= period.fromDate && finish <= input.today;
  });
  const line = (change: Change): ChangeLine => changeLine(change, schedules.get(change.id), internal, input.today);
  const byId = (a: { id: string }, b: { id: string }) => compareText(a.id, b.id);
  const changes = {
    done: doneInPeriod.map(line).sort(byId),
    inProgress: input.changes
      .filter((c) => c.status === "in-progress" || c.status === "approved" || c.status === "review")
      .map(line)
      .sort(byId),
    planned: input.changes
      .filter((c) => c.status === "draft" || c.status === "planned")
      .map(line)
      .sort(byId),
  };

  // The service history reads the SLA clocks the report measured: one measurement per incident.
  const measured = new Map<Incident, IncidentSla>();
  const sla = slaReport({ manifest, incidents: input.incidents, now: input.now, timezone: input.timezone, period, by: "priority" }, measured);
  const risks = assessRisks({
    ...input,
    docStates: input.freshness.docs.map((doc) => ({ docId: doc.id, state: doc.state, covers: doc.covers })),
    followups: manifest.followups,
    today: input.today,
  });
  // A risk the client took on (a change, or accepted until its review date) is not argued again.
  const lines = recordLines(input.recommendations ?? [], input.changes, input.today);
  const records = riskRecords(lines);
  const recommendations = toRecommendations(
    risks.filter((r) => !settled(records.get(r.id))),
    internal,
  );
  const register = registerReport(internal ? lines : lines.map((l) => ({ ...l, author: null })), input.since?.date ?? period.fromDate);
  if (!internal) register.adoptedByAuthor = [];
  // An accepted recommendation carries its change's promise: the date we commit to.
  for (const line of register.inProgress) if (line.change) line.change = { ...line.change, promised: schedules.get(line.change.id)?.promisedDate ?? null };
  const componentNames = Object.fromEntries([...input.components, ...input.changes.flatMap((c) => c.new_components ?? [])].map((c) => [c.id, c.name]));

  return {
    version: 2,
    header: {
      client: manifest.client.name,
      project: manifest.project.name,
      projectId: manifest.project.id,
      tam: manifest.tam.name,
      serviceManager: manifest.service_manager?.name ?? null,
      period,
      asOf: input.today,
      audience,
    },
    changes,
    gantt: internal ? taskGantt(schedules, period.fromDate, input.today) : changeGantt(input.changes, schedules, input.today),
    sla,
    history: serviceHistory(input, measured),
    breaches: breachLines(sla, input.incidents),
    componentNames,
    recommendations,
    decisions: [...clientDecisions(input.changes, schedules, input.incidents, recommendations, input.now, input.today), ...registerDecisions(register)],
    register,
    delta: input.since ? delta(input, input.since, risks, recommendations) : null,
    reviews: input.since ? reviewsReport(input.incidents, input.since.date, input.today, internal) : reviewsReport(input.incidents, period.fromDate, input.today, internal, true),
    actions: input.since && input.meetings?.some((m) => m.date <= input.since!.date) ? actionsSince(input.meetings, input.since.date, input.today) : null,
    internal: internal ? internalPart(input, risks, sla, schedule) : null,
  };
}

/** The register's questions to the client: recommendations to decide on, accepted risks due for review. */
function registerDecisions(register: ReturnType<typeof registerReport>): { subject: string; text: string }[] {
  const out = register.decisionsNeeded.map((l) => ({
    subject: l.recommendation,
    text: `Take on or decline "${l.title}" (${l.recommendation})${l.presented ? `, presented on ${l.presented}` : ""}.`,
  }));
  for (const l of register.acceptedRisks)
    if (l.state === "to-review") out.push({ subject: l.recommendation, text: `Review the risk you accepted: "${l.title}" (${l.recommendation}), accepted by ${l.acceptedBy} until ${l.review}.` });
  return out;
}

function changeLine(change: Change, timing: ChangeSchedule | undefined, internal: boolean, today: string): ChangeLine {
  const counted = (change.tasks ?? []).filter((t) => t.status !== "cancelled");
  const worked = workedDays(change.tasks ?? []);
  const finished = change.status === "done";
  const forecastFinish = finished ? worked.finish : (timing?.finish ?? null);
  return {
    id: change.id,
    title: change.title,
    type: change.type,
    status: change.status,
    due: change.due ?? null,
    done: counted.filter((t) => t.status === "done").length,
    total: counted.length,
    start: finished || internal ? (worked.start ?? timing?.start ?? null) : null,
    finish: finished || internal ? forecastFinish : null,
    // No date is committed for a change that is not planned yet.
    promised: finished || timing?.proposed ? null : (timing?.promisedDate ?? null),
    internal: internal && !finished ? (timing?.internalDate ?? null) : null,
    baseline: internal && !finished ? (timing?.baselineFinish ?? null) : null,
    slips: internal && !finished && forecastFinish ? slips(forecastFinish, { baseline: timing?.baselineFinish, internal: timing?.internalDate, promised: timing?.promisedDate, due: change.due }) : [],
    overdue: !finished && change.due !== undefined && change.due < today,
    notKept: finished || !timing || timing.proposed ? null : promiseNotKept(timing, today),
  };
}

/** The dates the forecast finish lies after, and by how many calendar days. */
function slips(forecast: string, dates: Record<Slip["against"], string | null | undefined>): Slip[] {
  return (Object.entries(dates) as [Slip["against"], string | null | undefined][]).flatMap(([against, date]) => {
    const days = date ? dayNumber(forecast) - dayNumber(date) : 0;
    return days > 0 ? [{ against, days }] : [];
  });
}

/** The client reads recommendations (components by name, no bookkeeping); the internal report argues every risk. */
function toRecommendations(risks: readonly Risk[], internal: boolean): Recommendation[] {
  return risks.flatMap((r) => {
    const rule = r.rule ? { rule: r.rule } : {};
    if (internal) return [{ id: r.id, severity: r.severity, title: r.title, argument: r.argument, recommendation: r.suggestion, ...rule }];
    return r.client ? [{ id: r.id, severity: r.severity, ...r.client, ...rule }] : [];
  });
}

/** The breached incidents by id (a map of the breaches, not of every incident of the project). */
function breachedIncidents(sla: SlaReport, incidents: readonly Incident[]): Map<string, Incident> {
  const breached = new Set(sla.breaches.map((b) => b.id));
  const byId = new Map<string, Incident>();
  for (const incident of incidents) if (breached.has(incident.id)) byId.set(incident.id, incident);
  return byId;
}

function breachLines(sla: SlaReport, incidents: readonly Incident[]): BreachLine[] {
  const byId = breachedIncidents(sla, incidents);
  return sla.breaches.map((b) => ({
    id: b.id,
    priority: b.priority,
    title: b.title,
    missed: [b.response ? "response" : "", b.resolution ? "resolution" : ""].filter(Boolean),
    components: b.components,
    department: b.department,
    cause: b.cause,
    rootCause: b.rootCause,
    actions: byId.get(b.id)?.actions?.trim() || null,
  }));
}

function delta(input: ReportInput, since: PreviousReport, risks: readonly Risk[], recommendations: readonly Recommendation[]) {
  const internal = input.audience === "internal";
  const keep = (r: Risk) => internal || r.client !== undefined;
  // Without the previous report's own list, re-assess the risks as the project stood on that day.
  const risksThen = since.riskIds
    ? []
    : assessRisks({
        ...input,
        changes: changesAsOf(input.changes, since.date),
        incidents: input.incidents.filter((i) => i.opened.slice(0, 10) <= since.date),
        followups: input.manifest.followups,
        today: since.date,
      })
        .filter(keep)
        .map((r) => r.id);
  const titles = new Map(risks.map((r) => [r.id, internal ? r.title : (r.client?.title ?? r.title)]));
  return reportDelta({ previous: since, risksThen, risksNow: recommendations, riskTitles: titles, incidents: input.incidents, changes: input.changes, today: input.today });
}

function internalPart(input: ReportInput, risks: readonly Risk[], sla: SlaReport, schedule: ProjectSchedule): InternalPart {
  const status = projectStatus({ changes: input.changes, departments: input.departments, manifest: input.manifest, today: input.today, timezone: input.timezone, now: input.now, schedule });
  const departmentsById = new Map(input.departments.map((d) => [d.id, d]));
  const late = new Set(status.changes.flatMap((c) => c.late.map((t) => `${t.change}/${t.id}`)));
  const nextSteps = dedupe(status.changes.flatMap((c) => [...c.late, ...c.blocked, ...c.inProgress, ...c.ready]))
    .map((task) => {
      const department = departmentsById.get(task.department);
      return { ...task, late: late.has(`${task.change}/${task.id}`), departmentName: department?.name ?? task.department, owner: department?.lead?.name ?? null };
    })
    .sort((a, b) => compareText(a.plannedStart, b.plannedStart) || compareText(a.change, b.change) || a.id.localeCompare(b.id, undefined, { numeric: true }));
  const chores = risks.filter((r) => r.severity !== "low" && (r.chore || !r.client)).map((r) => ({ subject: r.id, text: r.chore ?? r.suggestion }));
  const acceptedRisks = input.changes
    .filter((c) => OPEN_CHANGE_STATUSES.includes(c.status))
    .sort((a, b) => compareText(a.id, b.id))
    .flatMap((c) => acceptedRiskSteps(c).map((r) => ({ change: c.id, ...r })));
  return { tamFit: tamFit(input), nextSteps, chores, docs: input.freshness, risks: [...risks], changeProgress: status.changes, acceptedRisks, dataWarnings: dataWarnings(input, sla) };
}

/** What makes the report less true than it looks: missing causes and actions, unplanned changes, unknown priorities. */
function dataWarnings(input: ReportInput, sla: SlaReport): DataWarning[] {
  const warnings: DataWarning[] = [];
  const byId = breachedIncidents(sla, input.incidents);
  for (const b of sla.breaches) {
    const incident = byId.get(b.id);
    if (!incident?.cause) warnings.push({ code: "breach-without-cause", message: `${b.id} breached its target and has no cause recorded: the client will ask why.` });
    if (!incident?.actions?.trim())
      warnings.push({ code: "breach-without-actions", message: `${b.id} breached its target and has no \`actions\`: the client report says the analysis is still open.` });
  }
  for (const id of sla.withoutTarget) warnings.push({ code: "incident-without-target", message: `${id} has a priority without an SLA target in tam.yaml; it is not counted in the compliance.` });
  for (const id of sla.estimated)
    warnings.push({
      code: "incident-estimated",
      message: `${id} has a resolution time estimated at import (the export said resolved or closed, not when): its SLA figures rest on that estimate.`,
    });
  const periodIncidents = input.incidents.filter((i) => {
    const t = Date.parse(i.opened);
    return t >= input.period.start && t < input.period.end;
  });
  for (const i of periodIncidents)
    if (!i.components?.length) warnings.push({ code: "incident-without-component", message: `${i.id} names no component: it cannot count towards recurring-incident risks.` });
  for (const change of input.changes) {
    if (OPEN_CHANGE_STATUSES.includes(change.status) && !(change.tasks ?? []).length)
      warnings.push({ code: "change-not-planned", message: `${change.id} has no tasks yet: its dates come from the plan \`tam change plan ${change.id}\` proposes, not from a written plan.` });
    if (OPEN_CHANGE_STATUSES.includes(change.status) && !change.due)
      warnings.push({ code: "change-without-due", message: `${change.id} has no due date: there is nothing to hold its promised date against.` });
  }
  if (input.components.length === 0)
    warnings.push({ code: "no-components", message: "architecture.yaml describes no component: no risk can be assessed, and the client edition says the landscape is still being described." });
  for (const note of input.freshnessWarnings ?? []) warnings.push({ code: "freshness", message: note });
  return warnings;
}

/** First and last day of recorded work on a change's tasks, from their history. */
function workedDays(tasks: readonly Task[]): { start: string | null; finish: string | null } {
  const dates = tasks.flatMap((t) => (t.history ?? []).map((e) => e.at.slice(0, 10))).sort();
  const counted = tasks.filter((t) => t.status !== "cancelled");
  const allDone = counted.length > 0 && counted.every((t) => t.status === "done");
  return { start: dates[0] ?? null, finish: allDone ? (dates[dates.length - 1] ?? null) : null };
}

/**
 * The internal gantt: the open changes' tasks on their forecast dates, and their tasks finished
 * within the period. Finished changes are not drawn: they stretch the axis and squeeze the open work.
 */
function taskGantt(schedules: ReadonlyMap<string, ChangeSchedule>, from: string, today: string): GanttTask[] {
  const out: GanttTask[] = [];
  for (const timing of [...schedules.values()].sort((a, b) => compareText(a.changeId, b.changeId))) {
    for (const task of timing.tasks) {
      if (task.status === "done" && task.finish < from) continue;
      const state = task.status === "done" ? "done" : task.status === "todo" ? "planned" : task.status === "blocked" ? "blocked" : "active";
      const overdue = task.status !== "done" && task.finish < today ? { overdueUntil: today } : {};
      out.push({
        level: "task",
        change: timing.changeId,
        id: task.id,
        title: task.title,
        department: task.department,
        start: task.start,
        finish: task.finish,
        state,
        critical: task.critical,
        ...overdue,
      });
    }
  }
  return out;
}

/** The client's gantt: one bar per open change, from its start to the date promised; critical when that is after the date asked for. */
function changeGantt(changes: readonly Change[], schedules: ReadonlyMap<string, ChangeSchedule>, today: string): GanttTask[] {
  return changes
    .filter((c) => schedules.has(c.id))
    .sort((a, b) => compareText(a.id, b.id))
    .map((change) => {
      const timing = schedules.get(change.id)!;
      const started = (change.tasks ?? []).some((t) => t.status !== "todo" && t.status !== "cancelled");
      const start = workedDays(change.tasks ?? []).start ?? timing.start;
      const blocked = (change.tasks ?? []).some((t) => t.status === "blocked");
      const finish = timing.promisedDate < start ? start : timing.promisedDate;
      // A promise already past is drawn as such: the bar to the promised date, then the overdue
      // stretch to the forecast (never before the as-of line), not an ordinary bar ending in the past.
      const late = finish < today ? { overdueUntil: timing.finish > today ? timing.finish : today } : {};
      return {
        level: "change" as const,
        change: change.id,
        id: change.id,
        title: change.title,
        department: "",
        start,
        finish,
        state: blocked ? ("blocked" as const) : started ? ("active" as const) : ("planned" as const),
        critical: (change.due !== undefined && timing.promisedDate > change.due) || finish < today,
        ...late,
      };
    });
}

function dedupe<T extends { change: string; id: string }>(tasks: T[]): T[] {
  const seen = new Set<string>();
  return tasks.filter((t) => {
    const key = `${t.change}/${t.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A TAM is assigned to projects with more than four departments, or with application administration. */
function tamFit(input: ReportInput): TamFit {
  const byKind = ownerIndex(input.departments);
  const departments = new Set<string>();
  for (const component of input.components) {
    const owner = owningDepartmentId(component, byKind);
    if (owner) departments.add(owner);
  }
  for (const change of input.changes) if (OPEN_CHANGE_STATUSES.includes(change.status)) for (const task of change.tasks ?? []) departments.add(task.department);
  const applicationAdministration = input.components.some((c) => APPLICATION_KINDS.has(c.kind));
  return { departments: [...departments].sort(), applicationAdministration, warranted: departments.size > 4 || applicationAdministration };
}
