// The file texts an import writes: updates applied in place to the files the incidents are in, new
// incidents appended to the file of the month they were opened in. Each file is re-read and checked
// to hold exactly the intended incidents before anything is written.
import { incidentFileFor } from "../domain/incidents/record.js";
import type { ImportResult } from "../domain/incidents/import.js";
import type { Incident } from "../model/files.js";
import type { ImportEdit } from "../domain/incidents/reimport.js";
import { appendIncidents, applyImportUpdates, verifyIncidents } from "./incident-files.js";
import { modelineFor } from "./incident-store.js";
import type { Project } from "./load.js";
import { EditError } from "../errors.js";

export function importTexts(project: Project, result: Pick<ImportResult, "added" | "updated">, zone: string): Map<string, string> {
  const texts = new Map<string, string>();
  const expected = new Map<string, Incident[]>();
  const current = (rel: string) => {
    if (!expected.has(rel)) {
      const source = project.files.find((f) => f.rel === rel);
      expected.set(rel, [...((source?.data as { incidents?: Incident[] } | undefined)?.incidents ?? [])]);
    }
    return expected.get(rel)!;
  };
  const byId = new Map(project.incidents.map((i) => [i.id, i]));
  const updates = new Map<string, { index: number; edits: ImportEdit[] }[]>();
  for (const update of result.updated) {
    const origin = project.originOf(byId.get(update.id) ?? {});
    if (!origin) throw new EditError(`incident ${update.id} is not in an incidents file`);
    const rel = origin.source.rel;
    const index = Number(origin.path[1]);
    updates.set(rel, [...(updates.get(rel) ?? []), { index, edits: update.edits }]);
    current(rel)[index] = update.after;
  }
  for (const [rel, list] of updates) texts.set(rel, applyImportUpdates(project.files.find((f) => f.rel === rel)!.text, list));
  const modeline = modelineFor(project);
  const added = new Map<string, Incident[]>();
  for (const incident of result.added) {
    const rel = incidentFileFor(incident.opened, zone);
    added.set(rel, [...(added.get(rel) ?? []), incident]);
  }
  for (const [rel, incidents] of added) {
    const text = texts.get(rel) ?? project.files.find((f) => f.rel === rel)?.text ?? null;
    texts.set(rel, appendIncidents(text, incidents, text === null ? modeline : null));
    current(rel).push(...incidents);
  }
  for (const [rel, text] of texts) verifyIncidents(text, current(rel));
  return texts;
}
