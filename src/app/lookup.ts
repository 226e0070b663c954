// Finding a change by the id a user gave (on the command line, or to a use case).
import { UsageError } from "../errors.js";
import type { Change } from "../model/files.js";
import type { Project } from "../project/load.js";
import { canonicalId } from "../util/ids.js";
import { closest } from "../util/suggest.js";

/** The change with this id, typed in any case (the project's spelling is used from then on). */
export function findChange(project: Project, id: string): { change: Change; file: string } {
  const canonical = canonicalId(
    id,
    project.changes.map((c) => c.id),
  );
  const change = project.changes.find((c) => c.id === canonical);
  if (!change) {
    const guess = closest(
      id,
      project.changes.map((c) => c.id),
    );
    throw new UsageError(`no change ${id} in ${project.root}${guess ? `: did you mean ${guess}?` : ""}`);
  }
  return { change, file: project.originOf(change)!.source.rel };
}
