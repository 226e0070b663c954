// Writes `docs.baseline` into tam.yaml: one surgical edit when tam.yaml has a `docs:` mapping,
// else a `docs:` block appended at the end; comments and formatting stay as they were.
import { readFileSync } from "node:fs";
import { isMap } from "yaml";
import { EditError } from "../errors.js";
import type { DocsBaseline } from "../model/files.js";
import { writeFileAtomic } from "./write.js";
import { writeMapEntry } from "./yaml-edit.js";
import { parseForEdit, scalarText, verifyEdit } from "./yaml-text.js";

export function writeDocsBaseline(abs: string, baseline: DocsBaseline): void {
  const raw = readFileSync(abs, "utf8");
  const doc = parseForEdit(raw.replace(/^\ufeff/, ""), abs);
  if (isMap(doc.get("docs", true))) {
    writeMapEntry(abs, ["docs"], "baseline", { ...baseline });
    return;
  }
  if (doc.has("docs")) throw new EditError(`${abs}: \`docs\` is not a mapping; nothing was written`);
  const lines = Object.entries(baseline).flatMap(([key, value]) => (value === undefined ? [] : [`    ${key}: ${scalarText(value)}`]));
  const after = `${raw}${raw.endsWith("\n") || raw === "" ? "" : "\n"}docs:\n  baseline:\n${lines.join("\n")}\n`;
  const expected = doc.toJS() as Record<string, unknown>;
  expected.docs = { baseline: Object.fromEntries(Object.entries(baseline).filter(([, value]) => value !== undefined)) };
  verifyEdit(after.replace(/^\ufeff/, ""), expected, abs);
  writeFileAtomic(abs, after);
}
