// Use case: the go/no-go check of a change (tam change check <ID>), and the same check as the gate of
// `tam change approve` and of the first `tam task start`: each item passes or fails and says why.
import { scheduleProject } from "../domain/planner/project-schedule.js";
import type { ChangeSchedule } from "../domain/planner/schedule-types.js";
import { checkReadiness, type Readiness } from "../domain/tracking/readiness.js";
import type { Change } from "../model/files.js";
import { OPEN_CHANGE_STATUSES } from "../model/files.js";
import { requireValidIn } from "../project/check.js";
import { FILE_NAMES, type Project } from "../project/load.js";
import { clockFor, openProject, type ClockOptions, type ProjectOptions } from "./context.js";
import { findChange } from "./lookup.js";

export interface ChangeCheckRequest extends ProjectOptions, ClockOptions {
  id: string;
}

export interface ChangeCheckResult extends Readiness {
  asOf: string;
}

/** The forecast of `change` (as given: possibly the file as read under a write lock) among the project's other changes. */
export function forecastOf(project: Project, change: Change, now: number, timezone: string): { schedule: ChangeSchedule; others: { change: Change; schedule: ChangeSchedule }[] } {
  const changes = [...project.changes.filter((c) => c.id !== change.id), change];
  const all = scheduleProject({ manifest: project.manifest, departments: project.departments, changes, now, timezone, openOnly: true, findingsFor: new Set() });
  const others = project.changes.filter((c) => c.id !== change.id && OPEN_CHANGE_STATUSES.includes(c.status) && all.byId.has(c.id)).map((c) => ({ change: c, schedule: all.byId.get(c.id)! }));
  return { schedule: all.byId.get(change.id)!, others };
}

/** The readiness of `change` now, with the approver proposed by `tam change approve --by` when given. */
export function readinessOf(project: Project, change: Change, now: number, timezone: string, approver?: string): { readiness: Readiness; schedule: ChangeSchedule } {
  const { schedule, others } = forecastOf(project, change, now, timezone);
  const readiness = checkReadiness({ change, manifest: project.manifest, components: project.components, timezone, schedule, others, ...(approver !== undefined ? { approver } : {}) });
  return { readiness, schedule };
}

export function checkChange(request: ChangeCheckRequest): ChangeCheckResult {
  const project = openProject(request, ["departments", "architecture", "changes"]);
  const { change, file } = findChange(project, request.id);
  requireValidIn(project, [file, FILE_NAMES.manifest]);
  const clock = clockFor(project, request.asOf, request.now);
  const { readiness } = readinessOf(project, change, clock.now, clock.timezone);
  return { ...readiness, asOf: clock.today };
}
