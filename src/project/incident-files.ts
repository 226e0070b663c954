// Imported incidents into month files: append new ones to an existing file or create it with the schema
// modeline; apply a later export's edits to incidents already there, touching only the edited keys.
import { isDeepStrictEqual } from "node:util";
import { orderedIncident } from "../domain/incidents/record.js";
import { INCIDENT_KEYS } from "../domain/incidents/record.js";
import type { ImportEdit } from "../domain/incidents/reimport.js";
import { isSeq, type Node } from "yaml";
import { appendSeqItems, EditError, parseYaml, removeMapEntry, seqItemText, setMapEntry, type Plain } from "./incident-edit.js";
import { lineStart, nextLine, nodeAtPath } from "./yaml-text.js";
import type { Incident } from "../model/files.js";

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

/**
 * Applies the edits of many incidents of one file. Each incident's lines are edited as a small document of
 * their own and spliced back (last first, so earlier offsets hold): a large file is parsed once, not once per edit.
 */
export function applyImportUpdates(text: string, updates: { index: number; edits: ImportEdit[] }[]): string {
  const seq = nodeAtPath(parseYaml(text), ["incidents"]);
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
      const value = Array.isArray(edit.value) ? (edit.value.map((p) => orderedPause(p as unknown as Record<string, unknown>)) as Plain) : edit.value;
      text = setMapEntry(text, at, edit.key, value, INCIDENT_KEYS);
    }
  }
  return text;
}

function orderedPause(pause: Record<string, unknown>): Plain {
  const out: Record<string, Plain> = {};
  for (const key of ["from", "to", "reason", "note"]) if (pause[key] !== undefined) out[key] = pause[key] as Plain;
  return out;
}
