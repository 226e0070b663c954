// Use case: the ids of the current project for the shell completion scripts (tam __complete <kind>).
// Reads only the files the kind needs, validates nothing, and never fails loudly: a half-typed
// command line in a folder without a project must not print errors into the prompt.
import { OPEN_CHANGE_STATUSES } from "../model/files.js";
import type { LoadPart, Project } from "../project/load.js";
import { openProject, type ProjectOptions } from "./context.js";

/** What each kind of id reads (the kinds of the completion spec, src/completion/spec.ts). */
const PART: Record<string, LoadPart> = {
  change: "changes",
  task: "changes",
  doc: "docs",
  incident: "incidents",
  department: "departments",
  component: "architecture",
};

function idsOf(project: Project, kind: string): unknown[] {
  switch (kind) {
    case "change":
      return project.changes.map((c) => c.id);
    case "task":
      // Only tasks a `tam task` command can act on: of open changes, not done or cancelled.
      return project.changes
        .filter((c) => OPEN_CHANGE_STATUSES.includes(c.status))
        .flatMap((c) => (Array.isArray(c.tasks) ? c.tasks.filter((t) => typeof t?.id === "string" && t.status !== "done" && t.status !== "cancelled").map((t) => `${c.id}/${t.id}`) : []));
    case "doc":
      return project.docs.map((d) => d.id);
    case "incident":
      return project.incidents.map((i) => i.id);
    case "department":
      return project.departments.map((d) => d.id);
    case "component":
      return project.components.map((c) => c.id);
    default:
      return [];
  }
}

/** The ids of `kind`, sorted and unique; none for an unknown kind or when there is no readable project. */
export function completeIds(request: ProjectOptions & { kind: string }): string[] {
  try {
    if (!Object.hasOwn(PART, request.kind)) return [];
    const project = openProject(request, [PART[request.kind]!]);
    // Only plain ids: anything with spaces or shell syntax would break the completion word list.
    const ids = idsOf(project, request.kind).filter((id): id is string => typeof id === "string" && /^[\w./:@-]+$/.test(id));
    return [...new Set(ids)].sort();
  } catch {
    // Nothing to complete.
    return [];
  }
}
