// Editing incidents: find one, apply field edits to its file's text, name a new file's schema.
import type { FieldEdit } from "../domain/incidents/update.js";
import { CAUSE_KEYS, INCIDENT_KEYS, PAUSE_KEYS } from "../domain/incidents/record.js";
import { appendSeqItems, parseYaml, setMapEntry, type Plain } from "./incident-edit.js";
import { isObject, type Project } from "./load.js";
import type { Incident } from "../model/files.js";
import type { SourceFile } from "./source.js";
import { canonicalId } from "../util/ids.js";

export function findIncident(project: Project, id: string): { incident: Incident; source: SourceFile; index: number } | undefined {
  const canonical = canonicalId(id, project.incidents.map((i) => i.id));
  const incident = project.incidents.find((i) => i.id === canonical);
  const origin = incident && project.originOf(incident);
  return origin ? { incident: incident!, source: origin.source, index: Number(origin.path[1]) } : undefined;
}

/** Applies the edits to incident `index` of an incidents file's text. */
export function applyFieldEdits(text: string, index: number, edits: FieldEdit[]): string {
  const at = ["incidents", index];
  for (const edit of edits) {
    if (edit.kind === "set") text = setMapEntry(text, at, edit.key, edit.value, INCIDENT_KEYS);
    else if (edit.kind === "cause") {
      const doc = parseYaml(text);
      const hasCause = isObject((doc.toJS() as { incidents: Record<string, unknown>[] }).incidents[index]?.cause);
      text = hasCause ? setMapEntry(text, [...at, "cause"], edit.key, edit.value, CAUSE_KEYS) : setMapEntry(text, at, "cause", { [edit.key]: edit.value }, INCIDENT_KEYS);
    } else if (edit.kind === "add-pause") {
      const doc = parseYaml(text);
      const pauses = (doc.toJS() as { incidents: Record<string, unknown>[] }).incidents[index]?.pauses;
      const pause = edit.pause as unknown as Plain;
      text = Array.isArray(pauses) ? appendSeqItems(text, [...at, "pauses"], [pause], 2) : setMapEntry(text, at, "pauses", [pause], INCIDENT_KEYS);
    } else {
      text = setMapEntry(text, [...at, "pauses", edit.index], "to", edit.to, PAUSE_KEYS);
    }
  }
  return text;
}

/** The schema modeline for a new incidents file: like an existing one, else derived from tam.yaml's. */
export function modelineFor(project: Project): string | null {
  const existing = project.files.find((f) => f.kind === "incidents")?.text.split("\n")[0];
  if (existing?.startsWith("# yaml-language-server:")) return existing;
  const manifest = project.files.find((f) => f.kind === "manifest")?.text.split("\n")[0];
  const match = manifest && /^# yaml-language-server: \$schema=(.*)tam\.schema\.json\s*$/.exec(manifest);
  if (!match) return null;
  const base = /^[a-z]+:\/\//i.test(match[1]!) || match[1]!.startsWith("/") ? match[1]! : `../${match[1]!}`;
  return `# yaml-language-server: $schema=${base}incidents.schema.json`;
}
