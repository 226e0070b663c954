// recommendations.yaml as edits of its text: a new entry appended (the file created when absent),
// an entry's state and its record (presented, accepted, declined) set in place, comments kept.
import type { RecommendationEntry } from "../model/files.js";
import { EditError } from "../errors.js";
import type { Project } from "./load.js";
import type { SourceFile } from "./source.js";
import { appendSeqItems, editMapEntry, removeMapEntry, seqItemText, setMapEntry, type FlatMap } from "./yaml-text.js";

export const RECOMMENDATIONS_FILE = "recommendations.yaml";
const KEY_ORDER = ["id", "origin", "title", "argument", "components", "state", "presented", "accepted", "declined"];

/** The schema modeline for a new recommendations.yaml, derived from tam.yaml's (none when it has none). */
function modeline(project: Pick<Project, "files">): string | null {
  const manifest = project.files.find((f) => f.kind === "manifest")?.text.split("\n")[0];
  const match = manifest && /^# yaml-language-server: \$schema=(.*)tam\.schema\.json\s*$/.exec(manifest);
  return match ? `# yaml-language-server: $schema=${match[1]!}recommendations.schema.json` : null;
}

/** The file's text with `entry` appended, or a new file holding it. */
export function appendRecommendation(project: Pick<Project, "files">, text: string | null, entry: RecommendationEntry): string {
  const item = JSON.parse(JSON.stringify(entry)) as Parameters<typeof seqItemText>[0];
  if (text === null || text.trim() === "") {
    const head = modeline(project);
    return `${head ? `${head}\n` : ""}# Recommendations to the client and their decisions (tam rec add|present|accept|decline).\nrecommendations:\n${seqItemText(item, 2)}`;
  }
  return appendSeqItems(text, ["recommendations"], [item], 2);
}

/** The index of entry `id` in the file as it is now (under the write lock), or an error. */
export function entryIndex(source: SourceFile | undefined, id: string): number {
  const list = (source?.data as { recommendations?: { id?: unknown }[] } | undefined)?.recommendations;
  const index = Array.isArray(list) ? list.findIndex((entry) => entry?.id === id) : -1;
  if (index < 0) throw new EditError(`no recommendation "${id}" in ${RECOMMENDATIONS_FILE} any more; nothing was written`);
  return index;
}

/** Sets an entry's state and one record (presented, accepted or declined), removing those it replaces. */
export function setRecommendationState(text: string, index: number, state: string, record: { key: string; value: FlatMap } | null, remove: readonly string[] = []): string {
  let out = setMapEntry(text, ["recommendations", index], "state", state, KEY_ORDER);
  for (const key of remove) out = removeMapEntry(out, ["recommendations", index], key);
  if (record) out = editMapEntry(out, ["recommendations", index], record.key, record.value, RECOMMENDATIONS_FILE);
  return out;
}
