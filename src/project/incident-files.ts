// Edits of incident month files: append incidents (to an existing file, or a new one with the schema
// modeline), find one incident and apply field edits to it, apply a later export's edits to incidents
// already there (touching only the edited keys).
import { isDeepStrictEqual } from "node:util";
import { isSeq, type Node } from "yaml";
import { CAUSE_KEYS, HISTORY_KEYS, INCIDENT_KEYS, orderedIncident, PAUSE_KEYS } from "../domain/incidents/record.js";
import type { ImportEdit } from "../domain/incidents/reimport.js";
import type { FieldEdit } from "../domain/incidents/update.js";
import { EditError } from "../errors.js";
import type { Incident, IncidentReview } from "../model/files.js";
import { isObject, type Project } from "./load.js";
import { nodeAt, type SourceFile } from "./source.js";
import { appendSeqItems, lineStart, nextLine, parseYaml, removeMapEntry, seqItemText, setMapEntry, type Plain } from "./yaml-text.js";
import { canonicalId } from "../util/ids.js";

/** The text of an incidents file with `added` appended; `text` null for a new file. */
export function appendIncidents(text: string | null, added: Incident[], modeline: string | null): string {
  const items = added.map((incident) => orderedIncident(incident) as Plain);
  if (text === null) return `${modeline ? `${modeline}\n` : ""}incidents:\n${items.map((item) => seqItemText(item, 2)).join("")}`;
  return appendSeqItems(text, ["incidents"], items, 2);
}

/** Re-parses edited text and checks it holds exactly the expected incidents. */
export function verifyIncidents(text: string, expected: Incident[]): void {
  const data = parseYaml(text).toJS() as { incidents?: unknown };
  if (
    !isDeepStrictEqual(
      data.incidents,
      expected.map((i) => JSON.parse(JSON.stringify(i))),
    )
  ) {
    throw new EditError("the edited file does not read back as intended; nothing was written (please report this)");
  }
}

export function findIncident(project: Project, id: string): { incident: Incident; source: SourceFile; index: number } | undefined {
  const canonical = canonicalId(
    id,
    project.incidents.map((i) => i.id),
  );
  const incident = project.incidents.find((i) => i.id === canonical);
  const origin = incident && project.originOf(incident);
  return origin ? { incident: incident!, source: origin.source, index: Number(origin.path[1]) } : undefined;
}

/** Applies the edits to incident `index` of an incidents file's text. */
export function applyFieldEdits(text: string, index: number, edits: FieldEdit[]): string {
  const at = ["incidents", index];
  for (const edit of edits) {
    if (edit.kind === "set") text = setMapEntry(text, at, edit.key, edit.value, INCIDENT_KEYS);
    else if (edit.kind === "marks") text = edit.value ? setMapEntry(text, at, edit.key, edit.value, INCIDENT_KEYS) : removeMapEntry(text, at, edit.key);
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

/** Sets (or replaces) the review of incident `index` of an incidents file's text; the rest of the file stays as it was. */
export function setIncidentReview(text: string, index: number, review: IncidentReview): string {
  return setMapEntry(text, ["incidents", index], "review", review as unknown as Plain, INCIDENT_KEYS);
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

/**
 * Applies the edits of many incidents of one file. Each incident's lines are edited as a small document of
 * their own and spliced back (last first, so earlier offsets hold): a large file is parsed once, not once per edit.
 */
export function applyImportUpdates(text: string, updates: { index: number; edits: ImportEdit[] }[]): string {
  const seq = nodeAt(parseYaml(text), ["incidents"]);
  if (!isSeq(seq) || seq.flow) return updates.reduce((t, u) => applyImportEdits(t, u.index, u.edits), text);
  const items = seq.items as Node[];
  const starts = items.map((item) => lineStart(text, item.range![0]));
  const prefix = "incidents:\n";
  for (const update of [...updates].sort((a, b) => b.index - a.index)) {
    const start = starts[update.index]!;
    const end = update.index + 1 < items.length ? starts[update.index + 1]! : nextLine(text, items[update.index]!.range![1] - 1);
    const edited = applyImportEdits(prefix + text.slice(start, end), 0, update.edits);
    text = text.slice(0, start) + edited.slice(prefix.length) + text.slice(end);
  }
  return text;
}

/** Applies an import's edits to incident `index` of an incidents file's text (set, or remove when the value is absent). */
export function applyImportEdits(text: string, index: number, edits: ImportEdit[]): string {
  const at = ["incidents", index];
  for (const edit of edits) {
    if (edit.value === undefined) text = removeMapEntry(text, at, edit.key);
    else {
      const order = edit.key === "history" ? HISTORY_KEYS : PAUSE_KEYS;
      const value = Array.isArray(edit.value) ? (edit.value.map((p) => (typeof p === "string" ? p : orderedEntry(p as unknown as Record<string, unknown>, order))) as Plain) : edit.value;
      text = setMapEntry(text, at, edit.key, value, INCIDENT_KEYS);
    }
  }
  return text;
}

function orderedEntry(entry: Record<string, unknown>, order: readonly string[]): Plain {
  const out: Record<string, Plain> = {};
  for (const key of order) if (entry[key] !== undefined) out[key] = entry[key] as Plain;
  return out;
}
