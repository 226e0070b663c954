// Assembles the client-meeting report from the other domain modules. Pure: the freshness
// report (which needs git) comes in ready-made; everything else is computed here.
import { OPEN_CHANGE_STATUSES, type Change, type Component, type Department, type DocEntry, type Incident, type Manifest, type Task } from "../../model/files.js";
import type { Location } from "../../model/issues.js";
import { assessRisks } from "../arch/risks.js";
import type { FreshnessReport } from "../freshness/index.js";
import { scheduleProject } from "../planner/project-schedule.js";
import type { ChangeSchedule, ProjectSchedule } from "../planner/schedule-types.js";
import type { Period } from "../sla/period.js";
import { slaReport } from "../sla/report.js";
import { projectStatus } from "../tracking/status.js";
import { ownerIndex, owningDepartmentId } from "../validation/owners.js";
import type { ChangeLine, ClientReport, GanttTask, TamFit } from "./types.js";

export interface ReportInput {
  manifest: Manifest;
  departments: Department[];
  components: Component[];
  changes: Change[];
  incidents: Incident[];
  docs: DocEntry[];
  freshness: FreshnessReport;
  period: Period;
  now: number;
  today: string;
  timezone: string;
  where(entity: object, ...field: (string | number)[]): Location;
}

/** Kinds whose presence means the provider administers the client's applications. */
const APPLICATION_KINDS = new Set(["application"]);

export function buildClientReport(input: ReportInput): ClientReport {
  const { manifest, period } = input;
  // One schedule for the whole report: the same dates as `tam status` and `tam change plan`.
  const schedule = scheduleProject({ manifest, departments: input.departments, changes: input.changes, now: input.now, timezone: input.timezone, where: input.where });
  const status = projectStatus({ changes: input.changes, departments: input.departments, manifest, today: input.today, timezone: input.timezone, now: input.now, schedule });
  const progress = new Map(status.changes.map((c) => [c.id, c]));

  const line = (change: Change): ChangeLine => {
    const counted = (change.tasks ?? []).filter((t) => t.status !== "cancelled");
    const planned = schedule.byId.get(change.id);
    const worked = workedDays(change.tasks ?? []);
    return {
      id: change.id,
      title: change.title,
      type: change.type,
      status: change.status,
      due: change.due ?? null,
      done: counted.filter((t) => t.status === "done").length,
      total: counted.length,
      start: worked.start ?? planned?.startDate ?? null,
      finish: change.status === "done" ? worked.finish : (planned?.finishDate ?? null),
      overdue: progress.get(change.id)?.overdue ?? false,
    };
  };
  const doneInPeriod = input.changes.filter((c) => {
    if (c.status !== "done") return false;
    const finish = workedDays(c.tasks ?? []).finish;
    return finish !== null && finish >= period.fromDate && finish <= input.today;
  });
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const changes = {
    done: doneInPeriod.map(line).sort(byId),
    inProgress: input.changes.filter((c) => c.status === "in-progress" || c.status === "approved").map(line).sort(byId),
    planned: input.changes.filter((c) => c.status === "draft" || c.status === "planned").map(line).sort(byId),
  };

  const departmentsById = new Map(input.departments.map((d) => [d.id, d]));
  const late = new Set(status.changes.flatMap((c) => c.late.map((t) => `${t.change}/${t.id}`)));
  const nextSteps = dedupe(status.changes.flatMap((c) => [...c.late, ...c.blocked, ...c.inProgress, ...c.ready]))
    .map((task) => {
      const department = departmentsById.get(task.department);
      return { ...task, late: late.has(`${task.change}/${task.id}`), departmentName: department?.name ?? task.department, owner: department?.lead?.name ?? null };
    })
    .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.change.localeCompare(b.change) || a.id.localeCompare(b.id, undefined, { numeric: true }));

  const sla = slaReport({ manifest, incidents: input.incidents, now: input.now, timezone: input.timezone, period, by: "priority" });
  const incidentsById = new Map(input.incidents.map((i) => [i.id, i]));
  const breachActions = sla.breaches.flatMap((b) => {
    const actions = incidentsById.get(b.id)?.actions;
    return actions ? [{ id: b.id, actions }] : [];
  });

  return {
    version: 1,
    header: {
      client: manifest.client.name,
      project: manifest.project.name,
      projectId: manifest.project.id,
      tam: manifest.tam.name,
      serviceManager: manifest.service_manager?.name ?? null,
      period,
      asOf: input.today,
    },
    changes,
    gantt: ganttTasks([...doneInPeriod, ...input.changes.filter((c) => OPEN_CHANGE_STATUSES.includes(c.status))], schedule),
    sla,
    breachActions,
    docs: input.freshness,
    risks: assessRisks({
      ...input,
      docStates: input.freshness.docs.map((doc) => ({ docId: doc.id, state: doc.state, covers: doc.covers })),
      followups: manifest.followups,
      today: input.today,
    }),
    nextSteps,
    changeProgress: status.changes,
    tamFit: tamFit(input),
  };
}

/** First and last day of recorded work on a change's tasks, from their history. */
function workedDays(tasks: readonly Task[]): { start: string | null; finish: string | null } {
  const dates = tasks.flatMap((t) => (t.history ?? []).map((e) => e.at.slice(0, 10))).sort();
  const done = tasks.filter((t) => t.status !== "cancelled");
  const allDone = done.length > 0 && done.every((t) => t.status === "done");
  return { start: dates[0] ?? null, finish: allDone ? (dates[dates.length - 1] ?? null) : null };
}

/** Gantt bars of the given changes, straight from the schedule (recorded dates for done work). */
export function ganttTasks(changes: readonly Change[], schedule: ProjectSchedule): GanttTask[] {
  const out: GanttTask[] = [];
  for (const change of [...changes].sort((a, b) => a.id.localeCompare(b.id))) {
    const planned: ChangeSchedule | undefined = schedule.byId.get(change.id);
    for (const task of planned?.tasks ?? []) {
      if (task.startDate === null || task.finishDate === null) continue;
      out.push({
        change: change.id,
        id: task.id,
        title: task.title,
        department: task.department,
        start: task.startDate,
        finish: task.finishDate,
        state: task.status === "done" ? "done" : task.status === "todo" ? "planned" : "active",
        critical: task.critical,
      });
    }
  }
  return out;
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
