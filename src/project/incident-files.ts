// Edits of incident month files: append incidents (to an existing file, or a new one with the schema
// modeline), find one incident and apply field edits to it.
import { isDeepStrictEqual } from "node:util";
import { CAUSE_KEYS, INCIDENT_KEYS, orderedIncident, PAUSE_KEYS } from "../domain/incidents/record.js";
import type { FieldEdit } from "../domain/incidents/update.js";
import { EditError } from "../errors.js";
import type { Incident } from "../model/files.js";
import { isObject, type Project } from "./load.js";
import type { SourceFile } from "./source.js";
import { appendSeqItems, parseYaml, seqItemText, setMapEntry, type Plain } from "./yaml-text.js";

/** The text of an incidents file with `added` appended; `text` null for a new file. */
export function appendIncidents(text: string | null, added: Incident[], modeline: string | null): string {
  const items = added.map((incident) => orderedIncident(incident) as Plain);
  if (text === null) return `${modeline ? `${modeline}\n` : ""}incidents:\n${items.map((item) => seqItemText(item, 2)).join("")}`;
  return appendSeqItems(text, ["incidents"], items, 2);
}

/** Re-parses edited text and checks it holds exactly the expected incidents. */
export function verifyIncidents(text: string, expected: Incident[]): void {
  const data = parseYaml(text).toJS() as { incidents?: unknown };
  if (!isDeepStrictEqual(data.incidents, expected.map((i) => JSON.parse(JSON.stringify(i))))) {
    throw new EditError("the edited file does not read back as intended; nothing was written (please report this)");
  }
}

export function findIncident(project: Project, id: string): { incident: Incident; source: SourceFile; index: number } | undefined {
  const incident = project.incidents.find((i) => i.id === id);
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
