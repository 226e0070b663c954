// The text edit that sets `docs.baseline` in tam.yaml: one surgical edit when tam.yaml has a
// `docs:` mapping, else a `docs:` block appended at the end; comments and formatting stay as they
// were. Written through the transaction (src/project/transaction.ts) by `tam docs baseline`.
import { isMap } from "yaml";
import { EditError } from "../errors.js";
import type { DocsBaseline } from "../model/files.js";
import { editMapEntry, parseForEdit, scalarText, verifyEdit } from "./yaml-text.js";

export function withDocsBaseline(text: string, baseline: DocsBaseline, what: string): string {
  const value = Object.fromEntries(Object.entries(baseline).filter(([, item]) => item !== undefined)) as Record<string, string>;
  const doc = parseForEdit(text, what);
  if (isMap(doc.get("docs", true))) return editMapEntry(text, ["docs"], "baseline", value, what);
  if (doc.has("docs")) throw new EditError(`${what}: \`docs\` is not a mapping; nothing was written`);
  const lines = Object.entries(value).map(([key, item]) => `    ${key}: ${scalarText(item)}`);
  const after = `${text}${text.endsWith("\n") || text === "" ? "" : "\n"}docs:\n  baseline:\n${lines.join("\n")}\n`;
  verifyEdit(after, { ...(doc.toJS() as Record<string, unknown>), docs: { baseline: value } }, what);
  return after;
}
