// The file edits an import makes: updates applied in place to the files the incidents are in, new
// incidents appended to the file of the month they were opened in. Each edit gets the file as it is
// under the write lock and is checked to hold exactly the intended incidents before anything is written.
import { incidentFileFor } from "../domain/incidents/record.js";
import type { ImportResult } from "../domain/incidents/import.js";
import type { ImportEdit } from "../domain/incidents/reimport.js";
import { EditError } from "../errors.js";
import type { Incident } from "../model/files.js";
import { appendIncidents, applyImportUpdates, modelineFor, verifyIncidents } from "./incident-files.js";
import type { Project } from "./load.js";
import type { FileEdit } from "./transaction.js";

interface FilePlan {
  updates: { index: number; edits: ImportEdit[]; after: Incident }[];
  added: Incident[];
}

/** `project` must be the one `result` was computed from (read under the lock): update indexes come from it. */
export function importEdits(project: Project, result: Pick<ImportResult, "added" | "updated">, zone: string): FileEdit[] {
  const plans = new Map<string, FilePlan>();
  const plan = (rel: string) => {
    if (!plans.has(rel)) plans.set(rel, { updates: [], added: [] });
    return plans.get(rel)!;
  };
  const byId = new Map(project.incidents.map((i) => [i.id, i]));
  for (const update of result.updated) {
    const origin = project.originOf(byId.get(update.id) ?? {});
    if (!origin) throw new EditError(`incident ${update.id} is not in an incidents file`);
    plan(origin.source.rel).updates.push({ index: Number(origin.path[1]), edits: update.edits, after: update.after });
  }
  for (const incident of result.added) plan(incidentFileFor(incident.opened, zone)).added.push(incident);
  const modeline = modelineFor(project);
  return [...plans].map(([path, { updates, added }]) => ({
    path,
    edit: (text, source) => {
      const expected = [...((source?.data as { incidents?: Incident[] } | undefined)?.incidents ?? [])];
      let next = text;
      if (updates.length) {
        if (next === null) throw new EditError(`${path} is gone: run the import again`);
        next = applyImportUpdates(next, updates);
        for (const u of updates) expected[u.index] = u.after;
      }
      if (added.length) {
        next = appendIncidents(next, added, next === null ? modeline : null);
        expected.push(...added);
      }
      verifyIncidents(next!, expected);
      return next;
    },
  }));
}
