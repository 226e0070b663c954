// What every use case needs: the project read from disk, and the clock (`--as-of` or now).
import { UsageError } from "../errors.js";
import { resolveClock, type Clock } from "../domain/clock.js";
import { zoneOrUtc } from "../domain/zone.js";
import { changeAsOf } from "../domain/tracking/history-time.js";
import { findProjectRoot } from "../project/discover.js";
import { changeFileNamed, loadProject, type LoadOptions, type LoadPart, type Project } from "../project/load.js";
import { BEFORE_WORK_STATUSES, type Change } from "../model/files.js";
import { findChange } from "./lookup.js";

/** Options every use case takes: where the project is (default: the nearest folder upward with tam.yaml). */
export interface ProjectOptions {
  project?: string;
}

/** Options of use cases that depend on the date: `asOf` as the user wrote it, `now` injectable for tests and scripts. */
export interface ClockOptions {
  asOf?: string;
  now?: number;
}

/**
 * What an edit of change files reads, and what its re-validation needs: the changes and what they
 * refer to (the manifest is always read), and the docs index, against which a documentation task is
 * done (doc-task-uncovered) and which may cover the components an open change builds. The incident
 * log, recommendations and minutes refer to changes by id only, which such an edit does not change.
 */
export const CHANGE_EDIT_PARTS: LoadPart[] = ["departments", "architecture", "changes", "docs"];

/**
 * The project for an update of one change's tasks. Once work on a change has started, its update
 * (a task's status and history) changes nothing that the rules of another change file look at, so
 * it reads the file named after the change with what that refers to (CHANGE_EDIT_PARTS), not the
 * other change files (`changeFiles` says which it read). The first work on a change is gated on its
 * forecast among every open change, and a change not in a file of its own name is found among all:
 * those read every change file.
 */
export function openChangeUpdate(root: string, id: string): { project: Project; change: Change; file: string; changeFiles?: string[] } {
  const named = changeFileNamed(root, id);
  if (named) {
    const project = loadProject(root, CHANGE_EDIT_PARTS, { changeFiles: [named] });
    const change = project.changes.length === 1 ? project.changes[0]! : undefined;
    if (change && typeof change.id === "string" && change.id.toLowerCase() === id.toLowerCase() && !BEFORE_WORK_STATUSES.includes(change.status))
      return { project, change, file: named, changeFiles: [named] };
  }
  const project = loadProject(root, CHANGE_EDIT_PARTS);
  return { project, ...findChange(project, id) };
}

export function openProject(options: ProjectOptions, parts?: LoadPart[], load?: LoadOptions): Project {
  return loadProject(findProjectRoot(options.project), parts, load);
}

export function clockFor(project: Project | undefined, asOf: string | undefined, now: number = Date.now()): Clock {
  // A bad zone in tam.yaml is reported by validation; the clock falls back to UTC meanwhile.
  const clock = resolveClock(asOf, zoneOrUtc(project?.manifest?.timezone), now);
  if (typeof clock === "string") throw new UsageError(clock);
  return clock;
}

/**
 * The project as it stood at the clock's instant, for a read: each change and task in the status
 * its history gives by then (a task done later is not done yet). Findings on a change or task of
 * this view are located in the file as on the change itself.
 */
export function projectAsOf(project: Project, clock: Clock): Project {
  const originals = new Map<object, object>();
  const changes = project.changes.map((change) => {
    const then = changeAsOf(change, clock.now);
    if (then !== change) {
      originals.set(then, change);
      then.tasks?.forEach((task, i) => originals.set(task, change.tasks![i]!));
    }
    return then;
  });
  if (!originals.size) return project;
  const original = (entity: object) => originals.get(entity) ?? entity;
  return { ...project, changes, originOf: (entity) => project.originOf(original(entity)), where: (entity, ...field) => project.where(original(entity), ...field) };
}
