// The text of a new change file, with the schema modeline for editors.
import { stringify } from "yaml";
import type { Change } from "../model/files.js";

export function renderNewChange(change: Change): string {
  const body = stringify(change, { lineWidth: 0, flowCollectionPadding: false });
  return `# yaml-language-server: $schema=https://tam.dev/schemas/change.schema.json\n${body}`;
}
