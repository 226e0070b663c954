// Adding incidents to month files: append to an existing file or create it with the schema modeline.
import { isDeepStrictEqual } from "node:util";
import { orderedIncident } from "../domain/incidents/record.js";
import { appendSeqItems, EditError, parseYaml, seqItemText, type Plain } from "./incident-edit.js";
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
