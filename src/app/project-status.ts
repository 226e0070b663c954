// Use case: the status of the project (tam status): every open change (forecast vs due vs promise,
// slip), and per department what it can start now, what is queued, in progress, blocked, late.
import { UsageError } from "../errors.js";
import { projectStatus, type StatusReport } from "../domain/tracking/status.js";
import { requireValid } from "../project/check.js";
import { canonicalId } from "../util/ids.js";
import { closest } from "../util/suggest.js";
import { clockFor, openProject, projectAsOf, type ClockOptions, type ProjectOptions } from "./context.js";

export interface StatusRequest extends ProjectOptions, ClockOptions {
  /** One department's view (its id, in any case). */
  department?: string;
  /** Only the tasks assigned to the user (git's user.name, else the login name). */
  mine?: boolean;
  /**
   * Findings located at their line in the change file (default true). Only the change's file is
   * named otherwise: a view that prints no line (the table, markdown) spares reading each change
   * file with a finding once more for the positions.
   */
  locate?: boolean;
}

export async function status(request: StatusRequest): Promise<StatusReport> {
  const read = openProject(request);
  requireValid(read);
  const clock = clockFor(read, request.asOf, request.now);
  // As of a past date, work recorded later has not happened yet.
  const project = projectAsOf(read, clock);
  const ids = project.departments.map((d) => d.id);
  const department = request.department === undefined ? undefined : (canonicalId(request.department, ids) ?? request.department);
  if (department && !project.departments.some((d) => d.id === department)) {
    const guess = closest(department, ids);
    throw new UsageError(`no department ${department}${guess ? `: did you mean ${guess}?` : ""}`);
  }
  let assignee: string | undefined;
  if (request.mine) {
    // Loaded here: identity reaches git.ts and simple-git, which a status without --mine does not need.
    const { gitOrLoginName } = await import("../project/identity.js");
    assignee = await gitOrLoginName(project.root);
    if (!assignee) throw new UsageError("--mine needs your name: set git's user.name (git config user.name 'Your Name')");
  }
  const where = request.locate === false ? undefined : project.where;
  return projectStatus({ ...project, incidents: project.incidents, today: clock.today, timezone: clock.timezone, now: clock.now, department, assignee, where });
}
