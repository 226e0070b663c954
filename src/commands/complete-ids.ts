// tam __complete <kind>: the ids of the current project, one per line, for the shell completion
// scripts. Reads only the files the kind needs, validates nothing, and never fails loudly: a
// half-typed command line in a folder without a project must not print errors into the prompt.
import type { IdKind } from "../completion/spec.js";
import { OPEN_CHANGE_STATUSES } from "../model/files.js";
import { findProjectRoot } from "../project/discover.js";
import { loadProject, type LoadPart, type Project } from "../project/load.js";
import { EXIT_OK } from "../errors.js";
import { processOutput, type GlobalOptions, type Output } from "./context.js";

const PART: Record<IdKind, LoadPart> = {
  change: "changes",
  task: "changes",
  doc: "docs",
  incident: "incidents",
  department: "departments",
  component: "architecture",
};

function idsOf(project: Project, kind: IdKind): unknown[] {
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
  }
}

export function runCompleteIds(globals: GlobalOptions, kind: string, output: Output = processOutput): number {
  try {
    if (!Object.hasOwn(PART, kind)) return EXIT_OK;
    const project = loadProject(findProjectRoot(globals.project), [PART[kind as IdKind]]);
    // Only plain ids: anything with spaces or shell syntax would break the completion word list.
    const ids = idsOf(project, kind as IdKind).filter((id): id is string => typeof id === "string" && /^[\w./:@-]+$/.test(id));
    if (ids.length) output.out([...new Set(ids)].sort().join("\n"));
  } catch {
    // Nothing to complete.
  }
  return EXIT_OK;
}
